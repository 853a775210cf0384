package dev.tarjim.syndication;

import java.util.Objects;

/**
 * A position in one language's change log: every change up to and including {@code afterSeq} has been delivered.
 *
 * @param lang     BCP 47 language of the log
 * @param afterSeq the last sequence number delivered (0: nothing yet, start from the beginning)
 */
public record Cursor(String lang, long afterSeq) {
    public Cursor {
        Objects.requireNonNull(lang, "lang");
        if (afterSeq < 0) {
            throw new IllegalArgumentException("afterSeq must not be negative: " + afterSeq);
        }
    }

    /** The position before the first change of a language. */
    public static Cursor start(String lang) {
        return new Cursor(lang, 0);
    }
}
