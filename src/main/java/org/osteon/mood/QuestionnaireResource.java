package org.osteon.mood;

import jakarta.annotation.security.RolesAllowed;
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
import org.osteon.auth.Roles;

/** The questionnaires this deployment offers, as data for apps to show (docs/mood.md). */
@Path("/api/v1/questionnaires")
@Tag(name = "Mood")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class QuestionnaireResource {
    private final MoodService mood;

    public QuestionnaireResource(MoodService mood) {
        this.mood = mood;
    }

    @GET
    @RolesAllowed({Roles.PATIENT, Roles.PHYSIO})
    @Operation(
            summary = "The questionnaires offered, as data",
            description = "Each with its items, answer options and scores, bands, LOINC codes and source, for an app "
                    + "to show and a physiotherapist to read. The PHQ-9 is offered only where a clinician is on call "
                    + "to act on item 9; elsewhere the PHQ-8.")
    @APIResponse(
            responseCode = "200",
            description = "the questionnaires",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "200 (PHQ-2 shown)", value = MoodExamples.QUESTIONNAIRES)))
    public List<Questionnaire> questionnaires() {
        return mood.offered();
    }
}
