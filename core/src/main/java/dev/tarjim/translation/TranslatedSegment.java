package dev.tarjim.translation;

import java.util.Objects;

/**
 * One segment as an engine translated it.
 *
 * @param text         the translated text, engine marks removed
 * @param unknownWords how many words the engine could not translate and left as they were
 */
public record TranslatedSegment(String text, int unknownWords) {
    public TranslatedSegment {
        Objects.requireNonNull(text, "text");
        if (unknownWords < 0) {
            throw new IllegalArgumentException("unknownWords < 0: " + unknownWords);
        }
    }
}
