package dev.tarjim.syndication;

/**
 * A partner's cursor is malformed, forged, tampered with, or belongs to another language.
 *
 * <p>The API answers 400: the partner sent something this service did not issue for that request.
 */
public class InvalidCursorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidCursorException(String message) {
        super(message);
    }
}
