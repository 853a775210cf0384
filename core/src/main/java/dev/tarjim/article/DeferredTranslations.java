package dev.tarjim.article;

import java.util.List;

/**
 * The durable list of articles with languages deferred for want of translation budget, so that none is silently
 * dropped: the release ({@code IngestService.releaseDeferred}) reads it when budget returns. The DynamoDB adapter
 * is {@code dev.tarjim.store.DynamoDeferredTranslations}.
 */
public interface DeferredTranslations {

    /**
     * One article waiting for budget.
     *
     * @param articleId the article id
     * @param bucket    the upload's bucket (where its report is written)
     * @param uploadKey the upload's key
     */
    record Entry(String articleId, String bucket, String uploadKey) {
    }

    /** Records that an article has deferred languages (idempotent). */
    void add(Entry entry);

    /** Forgets an article once nothing of it is deferred any more. */
    void remove(String articleId);

    /** Every article waiting (a strongly consistent read). */
    List<Entry> all();

    /** Nowhere to record: for a service without a budget, which never defers. */
    static DeferredTranslations none() {
        return new DeferredTranslations() {
            @Override
            public void add(Entry entry) {
                throw new IllegalStateException("a language was deferred but nothing records deferrals");
            }

            @Override
            public void remove(String articleId) {
            }

            @Override
            public List<Entry> all() {
                return List.of();
            }
        };
    }
}
