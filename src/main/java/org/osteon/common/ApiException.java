package org.osteon.common;

import java.util.List;

/** A failure the client can act on; rendered as {@link ApiProblem} by {@link ProblemMapper}. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<ApiProblem.FieldError> errors;

    public ApiException(int status, String title, String detail, List<ApiProblem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, "Not Found", what + " '" + id + "' does not exist", null);
    }

    public static ApiException conflict(String field, String detail) {
        return new ApiException(409, "Conflict", detail, List.of(new ApiProblem.FieldError(field, detail)));
    }

    public static ApiException badField(String field, String message) {
        return new ApiException(
                400, "Bad Request", field + ": " + message, List.of(new ApiProblem.FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<ApiProblem.FieldError> errors() {
        return errors;
    }
}
