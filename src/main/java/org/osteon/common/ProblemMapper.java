package org.osteon.common;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure to RFC 9457 problem+json. Messages never carry class names or stack
 * traces: unexpected failures are logged here and answered with a generic 500.
 */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

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
                    .header("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\""
                            + cause.getMessage() + "\"").build();
        }
        return Response.fromResponse(problem(401, "Unauthorized", "a valid bearer token is required", uri, null))
                .header("WWW-Authenticate", "Bearer").build();
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
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return problem(400, "Bad Request", detail, uri, errors);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? pathOf(m) : null;
        String message = e instanceof JsonMappingException ? "has the wrong type or format" : "is not valid JSON";
        if (e.getCause() instanceof InvalidTextException text) {
            message = text.getMessage();
        }
        if (e instanceof MismatchedInputException m && isWholeNumber(m.getTargetType())) {
            message = "must be a whole number";
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException allowed
                && !(allowed instanceof UnknownFieldException) && !(allowed instanceof InvalidTextException)) {
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
                        + String.join(", ", java.util.Arrays.stream(subtypes.value()).map(JsonSubTypes.Type::name).toList());
            }
        }
        if (e.getCause() instanceof UnknownFieldException unknown) {
            field = field == null || field.isEmpty() ? unknown.field() : field + "." + unknown.field();
            message = "is not a field here";
        }
        if (field == null || field.isEmpty()) {
            return problem(400, "Bad Request", "request body " + message, uri, null);
        }
        return problem(400, "Bad Request", field + ": " + message, uri,
                List.of(new ApiProblem.FieldError(field, message)));
    }

    /** Registered for this exact type so that it replaces the framework's own mapper for it. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        return problem(status, title, status == 404 ? "no such resource" : title, uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "Unhandled failure on %s", Text.printable(uri.getPath(), 200));
        return problem(500, "Internal Server Error", "the request could not be completed", uri, null);
    }

    private static Response problem(int status, String title, String detail, UriInfo uri,
            List<ApiProblem.FieldError> errors) {
        ApiProblem body = new ApiProblem("about:blank", title, status, detail, Text.printable(uri.getPath(), 200), errors);
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

    private static boolean isWholeNumber(Class<?> type) {
        return type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class;
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
