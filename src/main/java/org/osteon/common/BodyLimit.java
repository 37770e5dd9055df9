package org.osteon.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The size of a request body, for every endpoint at once. The service's overall limit
 * ({@code quarkus.http.limits.max-body-size}) is as large as a baseline recording's upload may
 * be, which is streamed to disk; every other endpoint reads its body into memory, so it keeps
 * the limit that applied to all before ({@code osteon.http.max-body-bytes}, 10 MiB). A body of
 * unstated length (chunked) is refused there too, since only its end would tell its size.
 */
public class BodyLimit {
    private final long maxBytes;
    private final Pattern largeBodyPaths;

    public BodyLimit(
            @ConfigProperty(name = "osteon.http.max-body-bytes", defaultValue = "10485760") long maxBytes,
            @ConfigProperty(name = "osteon.http.large-body-paths", defaultValue = "/api/v1/patients/[^/]+/recordings")
                    String largeBodyPaths) {
        this.maxBytes = maxBytes;
        this.largeBodyPaths = Pattern.compile(largeBodyPaths);
    }

    @ServerRequestFilter(preMatching = true)
    public void checkLength(ContainerRequestContext request) {
        if (largeBodyPaths.matcher(request.getUriInfo().getPath()).matches()) {
            return;
        }
        String length = request.getHeaderString("Content-Length");
        if (length == null) {
            if (request.getHeaderString("Transfer-Encoding") != null) {
                throw new ApiException(
                        411,
                        "Length Required",
                        "body: state its length (Content-Length); bodies of unstated length are refused here",
                        List.of(new ApiProblem.FieldError("body", "state its length (Content-Length)")));
            }
            return;
        }
        long n;
        try {
            n = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return; // Vert.x refuses a malformed length before this runs.
        }
        if (n > maxBytes) {
            throw new ApiException(
                    413,
                    "Content Too Large",
                    "body: larger than " + maxBytes + " bytes (osteon.http.max-body-bytes)",
                    List.of(new ApiProblem.FieldError("body", "larger than " + maxBytes + " bytes")));
        }
    }
}
