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
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.osteon.alert.AlertResource;
import org.osteon.alert.AlertService;
import org.osteon.patient.PatientAccess;

/**
 * Acknowledging an alert from the patient's page, with a note: the same API call as the alerts
 * page makes ({@link ConsoleAlertsResource#acknowledge}: ownership check, note rules, audit), for an
 * open alert of this patient only. Back on the patient page when done; a note the API refuses is
 * shown at its field there, the text kept, nothing acknowledged.
 */
@Path("/console/patients/{patientId}/alerts/{id}/acknowledge")
@Blocking
// Open to all: the form answers a missing session itself.
@PermitAll
public class ConsolePatientAlertResource {
    private final ConsolePages pages;
    private final AlertResource alerts;
    private final AlertService alertService;
    private final PatientAccess access;
    private final PatientPage patientPage;
    private final Template patient;

    public ConsolePatientAlertResource(
            ConsolePages pages,
            AlertResource alerts,
            AlertService alertService,
            PatientAccess access,
            PatientPage patientPage,
            @Location("console/patient.html") Template patient) {
        this.pages = pages;
        this.alerts = alerts;
        this.alertService = alertService;
        this.access = access;
        this.patientPage = patientPage;
        this.patient = patient;
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
        // Another physiotherapist's patient is not found, before anything changes (a write: no read audited).
        return pages.form(
                csrf,
                session -> pages.found(
                        session, () -> access.clinical(ConsolePages.id("patient", patientId), null).id, patientUuid -> {
                            URI back = URI.create("/console/patients/" + patientUuid + "#alerts-title");
                            UUID alertId = ConsolePages.id("alert", id);
                            boolean openOfThisPatient = alertService
                                    .find(alertId)
                                    .filter(a -> a.patientId().equals(patientUuid)
                                            && a.status().equals("open"))
                                    .isPresent();
                            if (!openOfThisPatient) {
                                // Acknowledged meanwhile, or another patient's: nothing to do.
                                return Response.seeOther(back).build();
                            }
                            Optional<ConsoleAlertsResource.NoteError> refused =
                                    ConsoleAlertsResource.acknowledge(alerts, alertId, note);
                            if (refused.isEmpty()) {
                                return Response.seeOther(back).build();
                            }
                            return ConsolePages.page(
                                    400,
                                    ConsoleResource.patientPage(
                                            patient, pages, session, patientPage.of(patientUuid), refused.get()));
                        }));
    }
}
