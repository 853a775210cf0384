package dev.tarjim.article;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What became of one language of an article, as the editor's report says it. Written and stored as its lower-case code. */
public enum TranslationStatus {
    ORIGINAL, TRANSLATED, PENDING, FAILED, UNSUPPORTED,
    /** An editor's reviewed translation is live for the source's current revision. */
    REVIEWED,
    /** The source moved on after a review: parts (or, where the structures differ, all) of it need a new review. */
    NEEDS_REVIEW,
    /** Waiting for translation budget (the daily character cap was reached); translated once budget returns. */
    DEFERRED;

    /** The code users see and the store holds: the name in lower case, {@code _} as {@code -}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The status of a code. */
    @JsonCreator
    public static TranslationStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Whether a reader can read the language: the original, a machine translation or a reviewed one. */
    public boolean live() {
        return this == ORIGINAL || this == TRANSLATED || this == REVIEWED || this == NEEDS_REVIEW;
    }

    @Override
    public String toString() {
        return code();
    }
}
