package dev.tarjim.support;

/**
 * A failure that retrying may cure (throttling, a timeout, a busy lock, an engine briefly down).
 *
 * <p>Handlers let it escape so that Lambda retries the event; what still fails lands in the dead-letter queue.
 */
public class TransientFailureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TransientFailureException(String message) {
        super(message);
    }

    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
