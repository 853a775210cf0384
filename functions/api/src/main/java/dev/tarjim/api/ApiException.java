package dev.tarjim.api;

/** A request the API answers with an error status; mapped to an HTTP response in exactly one place. */
class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiException notFound(String what) {
        return new ApiException(404, what);
    }
}
