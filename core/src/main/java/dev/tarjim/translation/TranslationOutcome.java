package dev.tarjim.translation;

import dev.tarjim.article.TranslationStatus;
import dev.tarjim.article.Block;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What became of one article in one target language: translated, unsupported by the engine, or failed.
 * Transient trouble is not an outcome: it is thrown ({@link TranslationUnavailableException}) so Lambda retries.
 */
public sealed interface TranslationOutcome {
    /** The target language (BCP 47). */
    String language();

    /** The engine's name. */
    String engine();

    /** Translated, unsupported or failed, as stored and reported. */
    TranslationStatus status();

    /**
     * A machine translation of the whole article.
     *
     * @param language           the target language (BCP 47)
     * @param title              the translated headline
     * @param blocks             the translated body: the source's blocks, same structure, same links and code
     * @param engine             the engine's name
     * @param engineVersion      the engine's version or model for this pair
     * @param translatedAt       when this outcome was produced
     * @param unknownWords       words the engine left untranslated, over title and body
     * @param segmentsFromMemory segments (title included) found in the translation memory
     * @param segmentsTranslated distinct segments the engine translated for this outcome
     * @param markupFallbacks    pieces whose translation came back without their markup's structure and were
     *                           translated as plain text instead (their links and emphasis lost, words kept)
     * @param characters         characters sent to the engine (code points of what it received, markup placeholders
     *                           included; translation-memory hits excluded)
     */
    record Translated(String language, String title, List<Block> blocks, String engine, String engineVersion,
            Instant translatedAt, int unknownWords, int segmentsFromMemory, int segmentsTranslated,
            int markupFallbacks, long characters) implements TranslationOutcome {
        public Translated {
            Objects.requireNonNull(title, "title");
            blocks = List.copyOf(blocks);
        }

        /** A translation whose characters were not counted. */
        public Translated(String language, String title, List<Block> blocks, String engine, String engineVersion,
                Instant translatedAt, int unknownWords, int segmentsFromMemory, int segmentsTranslated,
                int markupFallbacks) {
            this(language, title, blocks, engine, engineVersion, translatedAt, unknownWords, segmentsFromMemory,
                    segmentsTranslated, markupFallbacks, 0);
        }

        /** What the editor should know about this translation: empty when nothing was lost. */
        public List<String> warnings() {
            return markupFallbacks == 0 ? List.of() : List.of(markupFallbacks + (markupFallbacks == 1
                    ? " piece" : " pieces") + " translated without their links or emphasis (the engine's answer "
                    + "lost their structure)");
        }

        @Override
        public TranslationStatus status() {
            return TranslationStatus.TRANSLATED;
        }
    }

    /**
     * The engine cannot translate this pair: a lasting, visible status, not an error.
     *
     * @param reason e.g. {@code apertium: no ar→en pair}
     */
    record Unsupported(String language, String engine, String reason) implements TranslationOutcome {
        @Override
        public TranslationStatus status() {
            return TranslationStatus.UNSUPPORTED;
        }
    }

    /**
     * The engine refused the article for a lasting reason other than the pair.
     *
     * @param reason what the engine said, for the editor's report
     */
    record Failed(String language, String engine, String reason) implements TranslationOutcome {
        @Override
        public TranslationStatus status() {
            return TranslationStatus.FAILED;
        }
    }
}
