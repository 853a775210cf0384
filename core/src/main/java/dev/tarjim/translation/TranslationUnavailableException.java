package dev.tarjim.translation;

/**
 * The engine (or the translation memory) did not answer in time: transient. Adapters throw it after their own
 * bounded retries; the ingest rethrows it so Lambda retries the event, and a dead-letter destination keeps what
 * still fails.
 */
public final class TranslationUnavailableException extends TranslationException {
    public TranslationUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
