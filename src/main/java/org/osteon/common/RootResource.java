package org.osteon.common;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The service's address itself says where to go: the physiotherapists' console, the API's
 * interactive documentation for developers, health and metrics for operators. A bare JSON 404
 * there told a newcomer nothing, and the API's documentation alone told a physiotherapist little.
 */
@Path("/")
@PermitAll
public class RootResource {
    /** The same headers as the console's pages: this page has no script, frames or forms either. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; object-src 'none'; "
                    + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final Template start;

    public RootResource(@Location("start.html") Template start) {
        this.start = start;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(
            summary = "Where to start",
            description = "A page with links to the physiotherapists' console (/console), this documentation "
                    + "(/q/swagger-ui/), health and metrics.")
    @APIResponse(responseCode = "200", description = "The start page")
    public Response start() {
        return Response.ok(start.render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }
}
