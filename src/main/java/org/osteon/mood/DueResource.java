package org.osteon.mood;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.auth.Roles;
import org.osteon.mood.DueQuestionnaires.DueNow;
import org.osteon.patient.PatientAccess;

/** What a patient's app should ask now: check-ins of their program and follow-ups of positive screens (docs/mood.md). */
@Path("/api/v1/patients/{patientId}/questionnaires/due")
@Tag(name = "Mood")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class DueResource {
    private final DueQuestionnaires due;
    private final PatientAccess access;

    public DueResource(DueQuestionnaires due, PatientAccess access) {
        this.due = due;
        this.access = access;
    }

    @GET
    @RolesAllowed({Roles.PATIENT, Roles.PHYSIO})
    @Operation(
            summary = "The questionnaires due for the patient now",
            description = "A check-in of the program in force is due from the first day of its window until it is "
                    + "answered or the window ends (windows follow each other from the version's effective date, "
                    + "every everyDays days or everyWeeks weeks, in the patient's time zone). After a positive "
                    + "screen (PHQ-2 total of 3 or more) its follow-up, the PHQ-9 (the PHQ-8 where no clinician is "
                    + "on call), is due until it is answered, for at most osteon.mood.max-answer-age. The patient "
                    + "reads their own; their physiotherapist reads them, and the read is audited.")
    @APIResponse(
            responseCode = "200",
            description = "what is due; an empty list when nothing is",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(name = "200 check-in", value = MoodExamples.DUE_CHECKIN),
                                @ExampleObject(
                                        name = "200 after a positive PHQ-2",
                                        summary = "offer the PHQ-9 now",
                                        value = MoodExamples.DUE_FOLLOW_UP),
                                @ExampleObject(name = "200 nothing due", value = MoodExamples.DUE_NONE)
                            }))
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "admins do not read clinical data")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DueNow due(@PathParam("patientId") UUID patientId) {
        return due.due(access.clinical(patientId, "questionnaires-due"));
    }
}
