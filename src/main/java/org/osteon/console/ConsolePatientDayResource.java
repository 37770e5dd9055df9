package org.osteon.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A patient's day in the console ({@code /console/patients/{id}/days/{date}}), opened from the
 * patient page's calendar. A malformed id or date, an unknown patient and another
 * physiotherapist's get the patient page's 404, byte for byte.
 */
@Path("/console/patients/{patientId}/days/{date}")
@Blocking
// Open to all: the page answers a missing or ended session itself, with how to sign in.
@PermitAll
public class ConsolePatientDayResource {
    private final ConsolePages pages;
    private final PatientDayPage dayPage;
    private final Template day;

    public ConsolePatientDayResource(
            ConsolePages pages, PatientDayPage dayPage, @Location("console/patient-day.html") Template day) {
        this.pages = pages;
        this.dayPage = dayPage;
        this.day = day;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response day(@PathParam("patientId") String patientId, @PathParam("date") String date) {
        return pages.signedIn(session -> pages.found(
                session,
                () -> dayPage.of(ConsolePages.id("patient", patientId), ConsolePages.date(date)),
                model -> ConsolePages.page(200, pages.withHeader(day, session).data("d", model))));
    }
}
