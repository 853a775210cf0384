package dev.tarjim.article;

/**
 * A permanent refusal of an upload, with a reason written for the editor who made it.
 *
 * <p>Thrown by parsers for binary, empty, malformed or unrecognised content. Retrying cannot help, so the
 * ingest records the reason in the editor's report and completes the event.
 */
public class UnsupportedUploadException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnsupportedUploadException(String reason) {
        super(reason);
    }

    public UnsupportedUploadException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
