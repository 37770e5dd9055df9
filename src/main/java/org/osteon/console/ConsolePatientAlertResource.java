package org.osteon.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.osteon.alert.AlertNote;
import org.osteon.alert.AlertResource;
import org.osteon.common.ApiException;

/**
 * Acknowledging an alert from the patient's page, with a note: the same API call as the alerts
 * page makes ({@link AlertResource#acknowledge(UUID, AlertNote)}, its ownership check, note rules
 * and audit), for an alert of this patient only. Back on the patient page when done; a note the
 * API refuses is shown at its field there, the text kept, nothing acknowledged.
 */
@Path("/console/patients/{patientId}/alerts/{id}/acknowledge")
@Blocking
// Open to all: the form answers a missing session itself.
@PermitAll
public class ConsolePatientAlertResource {
    private final ConsolePages pages;
    private final AlertResource alerts;
    private final PatientPage patientPage;
    private final Template patient;
    private final Template notFound;

    public ConsolePatientAlertResource(
            ConsolePages pages,
            AlertResource alerts,
            PatientPage patientPage,
            @Location("console/patient.html") Template patient,
            @Location("console/not-found.html") Template notFound) {
        this.pages = pages;
        this.alerts = alerts;
        this.patientPage = patientPage;
        this.patient = patient;
        this.notFound = notFound;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response acknowledge(
            @PathParam("patientId") String patientId,
            @PathParam("id") String id,
            @FormParam("csrf") String csrf,
            @FormParam("note") String note) {
        return pages.form(csrf, session -> {
            UUID patientUuid, alertId;
            try {
                patientUuid = UUID.fromString(patientId);
                alertId = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                return ConsolePages.page(404, pages.withHeader(notFound, session));
            }
            // The patient's page first: another physiotherapist's patient is not found, before anything changes.
            PatientPage.Model model;
            try {
                model = patientPage.of(patientUuid);
            } catch (ApiException e) {
                if (e.status() == 404) {
                    return ConsolePages.page(404, pages.withHeader(notFound, session));
                }
                throw e;
            }
            URI back = URI.create("/console/patients/" + patientUuid + "#alerts-title");
            if (model.alerts().stream().noneMatch(a -> a.id().equals(alertId.toString()))) {
                // Not an open alert of this patient (acknowledged meanwhile, or another's): nothing to do.
                return Response.seeOther(back).build();
            }
            try {
                // A form sends a textarea's line breaks as CRLF; the API's notes count one per line break.
                alerts.acknowledge(alertId, new AlertNote(note == null ? null : note.replace("\r\n", "\n")));
            } catch (ApiException e) {
                if (e.status() == 400 && e.errors() != null && !e.errors().isEmpty()) {
                    ConsoleAlertsResource.NoteError error = new ConsoleAlertsResource.NoteError(
                            alertId.toString(), note, e.errors().get(0).message());
                    return ConsolePages.page(400, ConsoleResource.patientPage(patient, pages, session, model, error));
                }
                throw e;
            }
            return Response.seeOther(back).build();
        });
    }
}
