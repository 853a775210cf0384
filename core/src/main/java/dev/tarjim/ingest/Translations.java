package dev.tarjim.ingest;

import dev.tarjim.article.TranslationStatus;
import dev.tarjim.article.LanguageStatus;
import dev.tarjim.article.StoredArticle;
import java.time.Clock;

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

    /** No engine configured: every target is honestly unsupported. */
    static Translations none(Clock clock) {
        return (original, target, sequencer) -> new LanguageStatus(TranslationStatus.UNSUPPORTED,
                original.revision(), "none", "no translation engine configured", 0, clock.instant());
    }
}
