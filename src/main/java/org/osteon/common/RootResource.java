package org.osteon.common;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The service's address itself leads somewhere: to the interactive API documentation, where
 * every endpoint, example and how to get a token are described. A bare JSON 404 there told a
 * newcomer nothing.
 */
@Path("/")
@PermitAll
public class RootResource {

    @GET
    @Operation(summary = "Where to start", description = "Redirects to the interactive API documentation (Swagger UI).")
    @APIResponse(responseCode = "303", description = "See the API documentation")
    public Response start() {
        return Response.seeOther(URI.create("/q/swagger-ui/")).build();
    }
}
