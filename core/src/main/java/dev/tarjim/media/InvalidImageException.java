package dev.tarjim.media;

/** An upload that is (or claims to be) an image and may not be stored: SVG, truncated or corrupt headers. */
public class InvalidImageException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidImageException(String message) {
        super(message);
    }
}
