package dev.tarjim.translation;

/** Base of the translation errors; the subclass says whether trying again can help. */
public abstract class TranslationException extends RuntimeException {
    protected TranslationException(String message, Throwable cause) {
        super(message, cause);
    }
}
