package org.osteon.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.osteon.common.ApiException;

/**
 * A patient's RTM evidence in the console ({@code /console/patients/{id}/rtm}), opened from the
 * patient page, and its form to log monitoring time ({@code POST .../rtm/time}): the RTM service's
 * evidence and its logging, as the API's. A refused entry is shown again at the field the service
 * names, nothing logged; another physiotherapist's patient gets the patient page's 404.
 */
@Path("/console/patients/{patientId}/rtm")
@Blocking
// Open to all: the page and the form answer a missing session themselves.
@PermitAll
public class ConsoleRtmResource {
    private final ConsolePages pages;
    private final PatientRtm rtm;
    private final Template page;

    public ConsoleRtmResource(ConsolePages pages, PatientRtm rtm, @Location("console/patient-rtm.html") Template page) {
        this.pages = pages;
        this.rtm = rtm;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response show(@PathParam("patientId") String patientId) {
        return pages.signedIn(session -> pages.found(
                session,
                () -> rtm.of(ConsolePages.id("patient", patientId), null),
                model -> ConsolePages.page(200, pages.withHeader(page, session).data("r", model))));
    }

    @POST
    @Path("/time")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response log(
            @PathParam("patientId") String patientId,
            @FormParam("csrf") String csrf,
            @FormParam("start") String start,
            @FormParam("end") String end,
            @FormParam("activity") String activity,
            @FormParam("interactive") String interactive) {
        boolean live = "on".equals(interactive) || "true".equals(interactive);
        return pages.form(
                csrf,
                session -> pages.found(session, () -> ConsolePages.id("patient", patientId), id -> {
                    try {
                        rtm.log(id, start, end, activity, live);
                    } catch (ApiException e) {
                        if (e.status() == 404) {
                            return pages.notFound(session);
                        }
                        if (e.status() != 400 && e.status() != 409) {
                            throw e;
                        }
                        String field = e.errors() == null || e.errors().isEmpty()
                                ? "start"
                                : e.errors().get(0).field();
                        String message = e.errors() == null || e.errors().isEmpty()
                                ? e.getMessage()
                                : e.errors().get(0).message();
                        PatientRtm.Form form =
                                new PatientRtm.Form(safe(start), safe(end), safe(activity), live, field, message);
                        return pages.found(
                                session,
                                () -> rtm.of(id, form),
                                model -> ConsolePages.page(
                                        400, pages.withHeader(page, session).data("r", model)));
                    }
                    return Response.seeOther(URI.create("/console/patients/" + id + "/rtm#months-title"))
                            .build();
                }));
    }

    /** A value sent back into the form: at most what a field could hold, never null. */
    private static String safe(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) : s;
    }
}
