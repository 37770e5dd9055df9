package org.osteon.interop;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Osteon's CodeSystem, at the path its canonical URL ends with, for anyone resolving a code of the
 * FHIR export: a definition, not data of anyone, so it needs no token.
 */
@Path("/fhir/CodeSystem/" + FhirExport.OSTEON_SYSTEM_ID)
@PermitAll
@Tag(name = "Days and adherence")
public class FhirCodeSystemResource {
    private static final String JSON =
            FhirResource.FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(FhirExport.codeSystem());

    @GET
    @Produces({FhirResource.FHIR_JSON, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Osteon's FHIR CodeSystem",
            description = "The codes the FHIR export uses for metrics LOINC has no code for (canonical URL "
                    + FhirExport.OSTEON_SYSTEM + "), each defined by reference to Osteon's metric definitions.")
    @APIResponse(
            responseCode = "200",
            description = "the CodeSystem",
            content =
                    @Content(
                            mediaType = FhirResource.FHIR_JSON,
                            examples = @ExampleObject(name = "200", value = FhirExamples.CODE_SYSTEM)))
    public String codeSystem() {
        return JSON;
    }
}
