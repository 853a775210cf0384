package dev.tarjim.article;

import java.util.Optional;

/**
 * The port that keeps editors' reviewed translations, one per article and language. The DynamoDB adapter is
 * {@code dev.tarjim.store.DynamoTranslationReviews}. Writes happen under the source article's lease.
 */
public interface TranslationReviews {

    /** Keeps a review, replacing the language's previous one. */
    void put(TranslationReview review);

    /** The review of one language of an article, or empty. */
    Optional<TranslationReview> review(String id, String language);

    /** Forgets the review of one language (its reviewed upload was deleted). */
    void delete(String id, String language);
}
