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

    /** A refusal that says nothing of why (no oracle for keys or licences): a bare 403. */
    static ApiException forbidden() {
        return new ApiException(403, "forbidden");
    }

    static ApiException notFound(String what) {
        return new ApiException(404, what);
    }
}
