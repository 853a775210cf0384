package dev.tarjim.article;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What became of one language of an article, as the editor's report says it. Written and stored as its lower-case code. */
public enum TranslationStatus {
    ORIGINAL, TRANSLATED, PENDING, FAILED, UNSUPPORTED,
    /** Waiting for translation budget (the daily character cap was reached); translated once budget returns. */
    DEFERRED;

    /** The code users see and the store holds: the name in lower case. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of a code. */
    @JsonCreator
    public static TranslationStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return code();
    }
}
