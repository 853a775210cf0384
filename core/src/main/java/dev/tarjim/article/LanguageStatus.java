package dev.tarjim.article;

import java.time.Instant;

/**
 * What became of one language of an article: the original, or a translation of it.
 *
 * @param status       original, translated, pending, deferred, failed or unsupported
 * @param revision     the source revision this status refers to
 * @param engine       the engine (name and version) that translated or declined it, or {@code null}
 * @param detail       a readable reason for {@code failed}, {@code unsupported} and {@code pending}, else {@code null}
 * @param unknownWords words the engine could not translate (kept as they were), 0 when not applicable
 * @param at           when this status was reached
 * @param characters   characters sent to the engine for this status (translation-memory hits excluded), else 0
 */
public record LanguageStatus(TranslationStatus status, long revision, String engine, String detail, int unknownWords,
        Instant at, long characters) {

    /** A status that sent nothing to the engine. */
    public LanguageStatus(TranslationStatus status, long revision, String engine, String detail, int unknownWords,
            Instant at) {
        this(status, revision, engine, detail, unknownWords, at, 0);
    }

    /** Whether nothing more is to be done for this language at this revision. */
    public boolean settled(long currentRevision) {
        return revision == currentRevision && status != TranslationStatus.PENDING
                && status != TranslationStatus.DEFERRED;
    }
}
