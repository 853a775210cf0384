package dev.tarjim.translation;

/**
 * The engine refused a request for a lasting reason other than the pair (a missing terminology, an invalid
 * request): permanent, recorded as status {@code failed} with this message, never retried.
 */
public final class TranslationFailedException extends TranslationException {
    public TranslationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
