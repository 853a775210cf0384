package dev.tarjim.article;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The port through which use cases keep and read article texts: the original and its translations, one per
 * language. Writes are ordered by the S3 sequencer of the event they come from, so an older event's text never
 * replaces a newer one's. The DynamoDB adapter is {@code dev.tarjim.store.DynamoArticleTexts}.
 */
public interface ArticleRepository {

    /**
     * Writes one language of an article, unless a newer event already wrote it. Its ids are minted once per article:
     * the text is stored with the {@link StoredArticle#idAuthority()} its article's texts already have (none for an
     * article stored before ids were kept), else with its own, else with the repository's configured authority.
     *
     * @param sequencer the normalised sequencer of the event this text comes from
     * @return whether it was written (false: a newer event's text is there and stays)
     */
    boolean putArticle(StoredArticle article, String sequencer);

    /** One language of an article, or empty. */
    Optional<StoredArticle> article(String id, String lang);

    /**
     * One language of several articles, each as {@link #article} reads it: those found, keyed by id (an absent one is
     * missing). This default reads them one by one; the DynamoDB adapter reads a hundred in one request.
     */
    default Map<String, StoredArticle> articles(Collection<String> ids, String lang) {
        Map<String, StoredArticle> found = new LinkedHashMap<>();
        for (String id : ids) {
            if (!found.containsKey(id)) {
                article(id, lang).ifPresent(a -> found.put(id, a));
            }
        }
        return found;
    }

    /** Every language of an article (the original and its translations), withdrawn ones included. */
    List<StoredArticle> articles(String id);

    /** The languages an article exists in. */
    List<String> languages(String id);

    /**
     * Marks one language withdrawn (it leaves feeds), unless a newer event already wrote it.
     *
     * @return whether it was marked
     */
    boolean withdraw(String id, String lang, String sequencer, Instant at);

    /**
     * Releases one language of an embargoed article: it joins its feed. Only a text whose embargo is at or before
     * {@code now}, and that is not withdrawn, is released; anything else is left as it is.
     *
     * @return whether this call released it (false: not embargoed, not yet due, withdrawn or absent)
     */
    boolean release(String id, String lang, Instant now);

    /**
     * Entries of the due list whose embargo is at or before {@code now}, oldest first: each is
     * {@code <embargo>#<article id>}. Storing an embargoed original adds its entry.
     */
    List<String> dueEmbargoes(Instant now, int limit);

    /** Removes one entry of the due list (once it is released, or found stale). */
    void clearDue(String entry);
}
