package dev.tarjim.article;

import java.util.Optional;

/** Detects the language of a text, answering a BCP 47 code ({@code ar}, {@code en}, {@code zh}...). */
public interface LanguageDetector {

    /**
     * Detects the dominant language of a text.
     *
     * @return the BCP 47 code, or empty when the text is too short or too mixed to tell
     */
    Optional<String> detect(String text);
}
