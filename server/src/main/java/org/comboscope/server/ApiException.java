package org.comboscope.server;

/**
 * An error answered as JSON: HTTP status, a machine-readable code, the field it concerns (or "") and
 * a message for people.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String field;

    ApiException(int status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    static ApiException notFound(String what, Object id) {
        return new ApiException(404, "not_found", what, what + " " + id + " does not exist");
    }

    static ApiException badRequest(String field, String message) {
        return new ApiException(400, "invalid_input", field, message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String field() {
        return field;
    }
}
