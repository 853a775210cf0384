package dev.tarjim.ingest;

/** An upload exceeds the configured size limit: a permanent refusal, reported to the editor. */
public class UploadTooLargeException extends Exception {
    private static final long serialVersionUID = 1L;

    public UploadTooLargeException(String message) {
        super(message);
    }
}
