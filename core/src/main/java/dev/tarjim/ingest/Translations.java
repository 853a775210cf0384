package dev.tarjim.ingest;

import dev.tarjim.article.TranslationStatus;
import dev.tarjim.article.LanguageStatus;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.article.TranslationReview;
import java.util.Optional;

/** The ingest's view of translation: turn the stored original into one stored target language. */
public interface Translations {

    /**
     * Translates an original into one language and stores the result.
     *
     * @param original  the stored original (live revision)
     * @param target    the BCP 47 target language
     * @param sequencer the normalised sequencer of the event that stored the original (fences the write)
     * @return the target's status: {@code translated}, {@code unsupported}, {@code failed} or {@code deferred} (the
     *         daily character budget would be crossed; nothing was sent)
     * @throws dev.tarjim.support.TransientFailureException when the engine is unavailable for now
     */
    LanguageStatus translate(StoredArticle original, String target, String sequencer);

    /**
     * Applies an editor's reviewed translation of the original (of its live revision or an earlier one) and stores
     * the resulting text in the review's language.
     *
     * @return the language's status: {@code reviewed}, or {@code needs-review} when the source moved on since
     * @throws UnsupportedOperationException where reviews are not kept
     */
    default LanguageStatus review(StoredArticle original, TranslationReview review, String sequencer) {
        throw new UnsupportedOperationException("reviewed translations are not kept here");
    }

    /**
     * Forgets the review of one language (its upload was deleted) and translates that language again.
     *
     * @return the language's new status, or empty when it had no review
     */
    default Optional<LanguageStatus> dropReview(StoredArticle original, String language, String sequencer) {
        return Optional.empty();
    }
}
