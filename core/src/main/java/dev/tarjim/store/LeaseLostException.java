package dev.tarjim.store;

import dev.tarjim.support.TransientFailureException;

/** The per-article lease expired and another event took it: this event's work must stop and be retried. */
public class LeaseLostException extends TransientFailureException {
    private static final long serialVersionUID = 1L;

    public LeaseLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
