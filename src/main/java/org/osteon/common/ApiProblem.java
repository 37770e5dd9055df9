package org.osteon.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The one error shape of the API: RFC 9457 problem details, with the offending fields named
 * in {@code errors} so that an app can put each message next to its input.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiProblem(
        String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: a JSON path such as {@code timeZone} or {@code events[1].kind}, and why. */
    public record FieldError(String field, String message) {}
}
