package dev.tarjim.store;

/** The DynamoDB store failed for a reason other than a lost race; the SDK error is kept as the cause. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
