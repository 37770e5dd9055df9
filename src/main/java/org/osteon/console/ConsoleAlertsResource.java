package org.osteon.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.osteon.alert.AlertNote;
import org.osteon.alert.AlertResource;
import org.osteon.alert.AlertRules;
import org.osteon.alert.AlertView;
import org.osteon.common.ApiException;
import org.osteon.common.Page;
import org.osteon.console.ConsoleSessions.Session;
import org.osteon.patient.Patient;
import org.osteon.physio.Physiotherapist;

/**
 * The console's alerts page: the open alerts of the physiotherapist's patients with an
 * acknowledge form each (an optional note with it), and the alerts acknowledged in the last
 * {@link #RECENT} with who, when and the note. Everything goes through the alerts API's own
 * resource ({@link AlertResource}): its ownership check, its note check, its audit.
 */
@Path("/console/alerts")
// Pages for a browser, not the API: left out of the OpenAPI document.
@Blocking
// Open to all: each page answers a missing or ended session itself, with how to sign in.
@PermitAll
public class ConsoleAlertsResource {
    /** How far back the page lists acknowledged alerts: a week of a physiotherapist's follow-ups. */
    static final Duration RECENT = Duration.ofDays(7);

    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ConsolePages pages;
    private final AlertResource alerts;
    private final Clock clock;
    private final Template alertList;
    private final Template alertNotFound;

    public ConsoleAlertsResource(
            ConsolePages pages,
            AlertResource alerts,
            Clock clock,
            @Location("console/alerts.html") Template alertList,
            @Location("console/alert-not-found.html") Template alertNotFound) {
        this.pages = pages;
        this.alerts = alerts;
        this.clock = clock;
        this.alertList = alertList;
        this.alertNotFound = alertNotFound;
    }

    /** One open alert as listed: the API's fields, the time it was raised in the patient's time zone. */
    public record AlertRow(
            String id,
            String patientId,
            String patientName,
            String rule,
            String since,
            String sinceAt,
            String detail,
            boolean noteRequired) {
        static AlertRow of(AlertView a, ZoneId zone) {
            return new AlertRow(
                    a.id().toString(),
                    a.patientId().toString(),
                    a.patientDisplayName(),
                    a.rule(),
                    local(a.raisedAt(), zone),
                    a.raisedAt().toString(),
                    a.message(),
                    AlertRules.noteRequired(a.rule()));
        }
    }

    /** One acknowledged alert: who acknowledged it, when (in the patient's time zone) and their note. */
    public record AcknowledgedRow(
            String id, String patientName, String rule, String by, String at, String atInstant, String note) {}

    /** A refused note: which alert's form, what was typed (shown again) and the API's message. */
    public record NoteError(String alertId, String note, String message) {}

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response list() {
        return pages.signedIn(session -> ConsolePages.page(200, alertPage(session, null)));
    }

    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response acknowledge(
            @PathParam("id") String id, @FormParam("csrf") String csrf, @FormParam("note") String note) {
        return pages.form(csrf, session -> {
            Optional<NoteError> refused;
            try {
                refused = acknowledge(alerts, ConsolePages.id("alert", id), note);
            } catch (ApiException e) {
                if (e.status() == 404) {
                    return ConsolePages.page(404, pages.withHeader(alertNotFound, session));
                }
                throw e;
            }
            return refused.isPresent()
                    ? ConsolePages.page(400, alertPage(session, refused.get()))
                    : Response.seeOther(URI.create("/console/alerts")).build();
        });
    }

    /**
     * The acknowledgement of either console form: the API's own call ({@link
     * AlertResource#acknowledge(UUID, AlertNote)}: ownership, note rules, audit). A form sends a
     * textarea's line breaks as CRLF (HTML's form encoding); the API's notes, and the limit the
     * field states, count one character per line break, so they are sent as LF. Empty when
     * acknowledged; the API's own message for the note field, with the text kept for the form, when
     * it refused the note (the alert stays open). Any other refusal, 404 included, is the caller's.
     */
    static Optional<NoteError> acknowledge(AlertResource alerts, UUID alertId, String note) {
        try {
            alerts.acknowledge(alertId, new AlertNote(note == null ? null : note.replace("\r\n", "\n")));
            return Optional.empty();
        } catch (ApiException e) {
            if (e.status() == 400 && e.errors() != null && !e.errors().isEmpty()) {
                return Optional.of(new NoteError(
                        alertId.toString(), note, e.errors().get(0).message()));
            }
            throw e;
        }
    }

    private TemplateInstance alertPage(Session session, NoteError error) {
        Map<UUID, ZoneId> zones = new HashMap<>();
        List<AlertRow> open = new ArrayList<>();
        all("open", a -> true)
                .forEach(a ->
                        open.add(AlertRow.of(a, zones.computeIfAbsent(a.patientId(), ConsoleAlertsResource::zone))));
        Instant since = clock.instant().minus(RECENT);
        Map<String, String> names = new HashMap<>();
        List<AcknowledgedRow> recent =
                all(null, a -> a.acknowledgedAt() != null && !a.acknowledgedAt().isBefore(since)).stream()
                        .sorted(Comparator.comparing(AlertView::acknowledgedAt).reversed())
                        .map(a -> new AcknowledgedRow(
                                a.id().toString(),
                                a.patientDisplayName(),
                                a.rule(),
                                names.computeIfAbsent(a.acknowledgedBy(), ConsoleAlertsResource::physioName),
                                local(
                                        a.acknowledgedAt(),
                                        zones.computeIfAbsent(a.patientId(), ConsoleAlertsResource::zone)),
                                a.acknowledgedAt().toString(),
                                a.acknowledgementNote()))
                        .toList();
        return pages.withHeader(alertList, session)
                .data("rows", open)
                .data("recent", recent)
                .data("recentDays", RECENT.toDays())
                .data("noteLimit", AlertNote.MAX_CHARS)
                .data("error", error);
    }

    /** Every alert of the physiotherapist's patients with {@code status} (null: all) that {@code keep} keeps. */
    private List<AlertView> all(String status, Predicate<AlertView> keep) {
        List<AlertView> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<AlertView> p = alerts.list(status == null ? "all" : status, null, page, Page.MAX_SIZE);
            p.items().stream().filter(keep).forEach(found::add);
            if (p.items().size() < Page.MAX_SIZE) {
                return found;
            }
        }
    }

    private static String local(Instant at, ZoneId zone) {
        return LOCAL_MINUTES.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }

    /** The patient's time zone, which their dates are shown in. */
    private static ZoneId zone(UUID patientId) {
        Patient patient = Patient.findById(patientId);
        return ZoneId.of(patient.timeZone);
    }

    /** The acknowledging physiotherapist's name; their subject when they are no longer registered. */
    private static String physioName(String subject) {
        return Physiotherapist.findBySubject(subject).map(p -> p.displayName).orElse(subject);
    }
}
