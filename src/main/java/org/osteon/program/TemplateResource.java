package org.osteon.program;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.program.ProgramDtos.TemplateView;

@Path("/api/v1/program-templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programs")
@SecurityRequirement(name = "bearer")
public class TemplateResource {
    private final ProgramService programs;

    public TemplateResource(ProgramService programs) {
        this.programs = programs;
    }

    @GET
    @Authenticated
    @Operation(
            summary = "Templates to start a program from, each with its source",
            description = "Templates hold no patient data; any signed-in role may read them.")
    @APIResponse(
            responseCode = "200",
            description = "the templates",
            content = @Content(examples = @ExampleObject(name = "200", value = ProgramExamples.TEMPLATES)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public List<TemplateView> list() {
        return programs.templates();
    }
}
