package org.osteon.common;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure to RFC 9457 problem+json. Messages never carry class names or stack
 * traces: unexpected failures are logged here and answered with a generic 500.
 */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final ObjectMapper json;

    public ProblemMapper(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response apiException(ApiException e, UriInfo uri) {
        return problem(e.status(), e.title(), e.getMessage(), uri, e.errors());
    }

    /** No token, or one that does not verify (signature, issuer, expiry): 401 with a bearer challenge. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof InvalidTokenException)) {
            cause = cause.getCause();
        }
        if (cause != null) {
            // RFC 6750 §3: the reason, for the client's developer; the token's own times, nothing secret.
            return Response.fromResponse(problem(401, "Unauthorized", cause.getMessage(), uri, null))
                    .header(
                            "WWW-Authenticate",
                            "Bearer error=\"invalid_token\", error_description=\"" + cause.getMessage() + "\"")
                    .build();
        }
        return Response.fromResponse(problem(401, "Unauthorized", "a valid bearer token is required", uri, null))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    /** A valid token whose role may not do this. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "Forbidden", "this role may not do this", uri, null);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<ApiProblem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new ApiProblem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(ApiProblem.FieldError::field))
                .toList();
        String detail = errors.stream()
                .map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return problem(400, "Bad Request", detail, uri, errors);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? pathOf(m) : null;
        // A syntax error inside a value (an unclosed string, a raw control character) comes wrapped with the field's
        // path.
        JsonProcessingException syntax = e.getCause() instanceof JsonParseException p ? p : e;
        if (syntax instanceof JsonParseException
                || !(e instanceof JsonMappingException || e instanceof InputCoercionException)) {
            return fieldProblem(field, "is not valid JSON" + whereAndWhy(syntax), uri);
        }
        String message = "has the wrong type or format";
        if (e.getCause() instanceof InvalidTextException text) {
            message = text.getMessage();
        }
        if (e instanceof MismatchedInputException m && expected(m.getTargetType()) != null) {
            message = expected(m.getTargetType());
            // The text given, so that a client sees what was read: "week", not only what was wanted.
            if (e instanceof InvalidFormatException f && f.getValue() instanceof String given) {
                message += "; was '" + Text.printable(given, 64) + "'";
            }
        }
        InputCoercionException range =
                e instanceof InputCoercionException c ? c : e.getCause() instanceof InputCoercionException c ? c : null;
        if (range != null && isWholeNumber(range.getTargetType())) {
            message = "must be a whole number from " + smallest(range.getTargetType()) + " to "
                    + largest(range.getTargetType());
        }
        if (e instanceof ValueInstantiationException v
                && v.getCause() instanceof IllegalArgumentException allowed
                && !(allowed instanceof UnknownFieldException)
                && !(allowed instanceof InvalidTextException)) {
            // A value type's own creator says what it allows (e.g. a placement: "must be one of wrist, hip, …").
            message = allowed.getMessage();
        }
        if (e instanceof InvalidTypeIdException t && t.getBaseType() != null) {
            Class<?> base = t.getBaseType().getRawClass();
            JsonTypeInfo info = base.getAnnotation(JsonTypeInfo.class);
            JsonSubTypes subtypes = base.getAnnotation(JsonSubTypes.class);
            if (info != null && subtypes != null) {
                String property = info.property().isEmpty() ? "type" : info.property();
                field = field == null || field.isEmpty() ? property : field + "." + property;
                message = (t.getTypeId() == null ? "is missing" : "is unknown") + "; must be one of "
                        + String.join(
                                ", ",
                                java.util.Arrays.stream(subtypes.value())
                                        .map(JsonSubTypes.Type::name)
                                        .toList());
            }
        }
        if (e.getCause() instanceof UnknownFieldException unknown) {
            field = field == null || field.isEmpty() ? unknown.field() : field + "." + unknown.field();
            message = "is not a field here";
        }
        return fieldProblem(field, message, uri);
    }

    /** Registered for this exact type so that it replaces the framework's own mapper for it. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    /**
     * A body in a media type the endpoint does not read (curl's -d without a Content-Type sends a
     * form): the answer says what to send, in the detail and in Accept (RFC 9110 §15.5.16). Every
     * endpoint of this API that takes a body reads JSON only (ProblemMessagesTest checks it against
     * the OpenAPI document), so that is what it names.
     */
    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, UriInfo uri, HttpHeaders headers) {
        String given = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String detail = (given == null || given.isBlank()
                        ? "the request has no Content-Type"
                        : "Content-Type '" + Text.printable(given, 64) + "' is not accepted")
                + "; send the body as " + MediaType.APPLICATION_JSON;
        return Response.fromResponse(problem(415, "Unsupported Media Type", detail, uri, null))
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON)
                .build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "Error";
        return problem(status, title, status == 404 ? "no such resource" : title, uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "Unhandled failure on %s", Text.printable(uri.getPath(), 200));
        return problem(500, "Internal Server Error", "the request could not be completed", uri, null);
    }

    /** 400 for {@code field} (none: the request body) and why, e.g. "effectiveFrom: must be a date as YYYY-MM-DD". */
    private static Response fieldProblem(String field, String message, UriInfo uri) {
        if (field == null || field.isEmpty()) {
            return problem(400, "Bad Request", "request body " + message, uri, null);
        }
        return problem(
                400, "Bad Request", field + ": " + message, uri, List.of(new ApiProblem.FieldError(field, message)));
    }

    private static Response problem(
            int status, String title, String detail, UriInfo uri, List<ApiProblem.FieldError> errors) {
        ApiProblem body =
                new ApiProblem("about:blank", title, status, detail, Text.printable(uri.getPath(), 200), errors);
        return Response.status(status).type(ApiProblem.MEDIA_TYPE).entity(body).build();
    }

    /** The property path without the method and parameter names, e.g. {@code timeZone} or {@code components[0].minG}. */
    private static String fieldOf(ConstraintViolation<?> v) {
        String field = null;
        for (Path.Node node : v.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, PARAMETER, RETURN_VALUE, CROSS_PARAMETER -> field = null;
                default -> {
                    // An element of a list: the index belongs to the container, e.g. components[0].minG.
                    if (field != null && node.isInIterable() && node.getIndex() != null) {
                        field = field + "[" + node.getIndex() + "]";
                    }
                    if (node.getName() != null) {
                        field = field == null ? node.getName() : field + "." + node.getName();
                    }
                }
            }
        }
        return field == null ? "body" : field;
    }

    /**
     * Where a body stopped being JSON and Jackson's reason, e.g. {@code " at line 2, column 13:
     * unrecognized token 'Europe': was expecting (JSON String, Number, Array, Object or token 'null',
     * 'true' or 'false')"}. Jackson quotes at most 64 characters of a token (see RequestText); what
     * names its own classes or features is cut off.
     */
    private static String whereAndWhy(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where =
                at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        if (!(e instanceof JsonParseException) || e.getOriginalMessage() == null) {
            return where;
        }
        String why = e.getOriginalMessage();
        for (String tail :
                List.of(" (start marker at", ": enable `", "; enable `", " (not recognized as one since", "\n")) {
            int cut = why.indexOf(tail);
            why = cut < 0 ? why : why.substring(0, cut);
        }
        why = why.replaceAll(" \\(code -?\\d+\\)", "");
        if (why.isBlank() || why.contains("`") || why.contains("com.fasterxml")) {
            return where;
        }
        return where + ": " + Character.toLowerCase(why.charAt(0)) + Text.printable(why.substring(1), 240);
    }

    /** What a JSON value of {@code type} has to be, as "must be …", or null when there is nothing better to say. */
    private String expected(Class<?> type) {
        if (type == null) {
            return null;
        } else if (isWholeNumber(type) || type == BigInteger.class) {
            return "must be a whole number";
        } else if (type == Double.class
                || type == double.class
                || type == Float.class
                || type == float.class
                || type == BigDecimal.class
                || type == Number.class) {
            return "must be a number";
        } else if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        } else if (type == String.class) {
            return "must be a string";
        } else if (type.isEnum()) {
            return "must be one of " + String.join(", ", enumNames(type));
        } else if (type == LocalDate.class) {
            return "must be a date as YYYY-MM-DD";
        } else if (type == Instant.class) {
            return "must be a time as ISO 8601 in UTC, e.g. 2026-03-01T09:00:00Z";
        } else if (type == UUID.class) {
            return "must be a UUID";
        } else if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        } else if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "must be an object";
        }
        return null;
    }

    /**
     * An enum's values as JSON spells them, asked of the application's mapper: so a {@code @JsonValue}
     * method, a constant's {@code @JsonProperty} or a mix-in given to the mapper (a placement's API
     * name, device.PlacementJson) count as they do when a body is read.
     */
    private List<String> enumNames(Class<?> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(c -> {
                    try {
                        return json.convertValue(c, String.class);
                    } catch (IllegalArgumentException e) {
                        return ((Enum<?>) c).name();
                    }
                })
                .toList();
    }

    private static long smallest(Class<?> type) {
        return type == Short.class || type == short.class
                ? Short.MIN_VALUE
                : type == Integer.class || type == int.class ? Integer.MIN_VALUE : Long.MIN_VALUE;
    }

    private static long largest(Class<?> type) {
        return type == Short.class || type == short.class
                ? Short.MAX_VALUE
                : type == Integer.class || type == int.class ? Integer.MAX_VALUE : Long.MAX_VALUE;
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
