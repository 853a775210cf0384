package dev.tarjim.article;

import java.time.Instant;
import java.util.List;

/**
 * What became of one language of an article: the original, or a translation of it.
 *
 * @param status       original, translated, pending, deferred, failed or unsupported
 * @param revision     the source revision this status refers to
 * @param engine       the engine (name and version) that translated or declined it, or {@code null}
 * @param detail       a readable reason for {@code failed}, {@code unsupported} and {@code pending}, else {@code null}
 * @param unknownWords words the engine could not translate (kept as they were), 0 when not applicable
 * @param at           when this status was reached (for {@code reviewed}: when the review was applied)
 * @param reviewer     who reviewed the translation ({@code reviewed}, {@code needs-review}), else {@code null}
 * @param changedBlocks for {@code needs-review}: the indexes of the blocks machine-translated after the review
 *                     (empty where the whole language needs review); else empty
 * @param characters   characters sent to the engine for this status (translation-memory hits excluded), else 0
 */
public record LanguageStatus(TranslationStatus status, long revision, String engine, String detail, int unknownWords,
        Instant at, String reviewer, List<Integer> changedBlocks, long characters) {

    public LanguageStatus {
        changedBlocks = changedBlocks == null ? List.of() : List.copyOf(changedBlocks);
    }

    /** A status of a reviewed translation (nothing sent to the engine is counted here). */
    public LanguageStatus(TranslationStatus status, long revision, String engine, String detail, int unknownWords,
            Instant at, String reviewer, List<Integer> changedBlocks) {
        this(status, revision, engine, detail, unknownWords, at, reviewer, changedBlocks, 0);
    }

    /** A status without review that sent {@code characters} to the engine. */
    public LanguageStatus(TranslationStatus status, long revision, String engine, String detail, int unknownWords,
            Instant at, long characters) {
        this(status, revision, engine, detail, unknownWords, at, null, List.of(), characters);
    }

    /** A status without review that sent nothing to the engine. */
    public LanguageStatus(TranslationStatus status, long revision, String engine, String detail, int unknownWords,
            Instant at) {
        this(status, revision, engine, detail, unknownWords, at, null, List.of(), 0);
    }

    /** Whether nothing more is to be done for this language at this revision. */
    public boolean settled(long currentRevision) {
        return revision == currentRevision && status != TranslationStatus.PENDING
                && status != TranslationStatus.DEFERRED;
    }
}
