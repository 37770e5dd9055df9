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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.osteon.alert.AlertRules;
import org.osteon.alert.AlertSeverity;
import org.osteon.common.Page;
import org.osteon.console.ConsoleSessions.Session;
import org.osteon.roster.Completeness;
import org.osteon.roster.RosterEntry;
import org.osteon.roster.RosterResource;

/**
 * The physiotherapist's console, server-rendered: its pages read through the API's own services
 * as the signed-in physiotherapist, so they show exactly what the API would answer them (another
 * physiotherapist's patient is not there) and their reads are audited like the API's. Sign-in is a
 * one-time link (see {@link SignInLinkResource}) or the clinic's identity provider (see
 * {@link ConsoleOidcResource}); the session lives in a cookie the browser's
 * scripts cannot read, and every form carries the session's token.
 */
@Path("/console")
// Pages for a browser, not the API: left out of the OpenAPI document.
@Blocking
// Open to all: each page answers a missing or ended session itself, with how to sign in.
@PermitAll
public class ConsoleResource {
    /** Flags that put a patient at the top of the list. */
    static final Set<String> ATTENTION =
            Set.of("open_alerts", "cap_exceeded", "no_data_last_week", "no_program", "sparse_data");

    /** Flags of a risk to the patient's safety: shown as such, and first of all. */
    static final Set<String> SAFETY = Set.of("self_harm_answer", "cap_exceeded");

    private static final DateTimeFormatter UTC_MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ConsolePages pages;
    private final ConsoleSessions sessions;
    private final RosterResource roster;
    private final PatientPage patientPage;
    private final Template triage;
    private final Template patient;

    public ConsoleResource(
            ConsolePages pages,
            ConsoleSessions sessions,
            RosterResource roster,
            PatientPage patientPage,
            @Location("console/triage.html") Template triage,
            @Location("console/patient.html") Template patient) {
        this.pages = pages;
        this.sessions = sessions;
        this.roster = roster;
        this.patientPage = patientPage;
        this.triage = triage;
        this.patient = patient;
    }

    /** One patient on the triage list, its numbers as shown and as data for scripts and tests. */
    public record TriageRow(
            String patientId,
            String name,
            Double currentWeek,
            String currentWeekShown,
            String currentWeekStatus,
            Double lastWeek,
            String lastWeekShown,
            String trendShown,
            int openAlerts,
            String lastSync,
            String lastSyncAt,
            List<String> flags,
            boolean attention,
            List<String> safetyFlags,
            List<String> otherFlags,
            List<ComponentShown> components,
            String worstOpenAlert,
            int alertSortKey,
            int daysWithData) {

        public boolean safety() {
            return !safetyFlags.isEmpty();
        }

        /** The flags, space-separated, for the page's filter. */
        public String flagList() {
            return String.join(" ", flags);
        }

        static TriageRow of(RosterEntry e) {
            List<String> flags = new ArrayList<>(e.flags());
            if (Completeness.sparse(e.daysWithDataLast30(), !e.flags().contains("no_program"))) {
                flags.add("sparse_data");
            }
            // An open item-9 alert is the most severe: the patient's answer about self-harm waits for no one.
            if (AlertRules.PHQ9_ITEM9.equals(e.worstOpenAlert())) {
                flags.add(0, "self_harm_answer");
            }
            boolean attention = flags.stream().anyMatch(ATTENTION::contains);
            List<ComponentShown> components = e.currentWeekComponents() == null
                    ? List.of()
                    : e.currentWeekComponents().stream()
                            .map(c -> new ComponentShown(c.kind(), c.adherence(), percent(c.adherence()), c.status()))
                            .toList();
            return new TriageRow(
                    e.patientId().toString(),
                    e.displayName(),
                    e.currentWeekAdherence(),
                    percent(e.currentWeekAdherence()),
                    e.currentWeekStatus(),
                    e.lastWeekAdherence(),
                    percent(e.lastWeekAdherence()),
                    e.trend() == null ? "–" : String.format(Locale.ROOT, "%+.0f pp", e.trend() * 100),
                    e.openAlerts(),
                    e.lastSyncAt() == null ? "never" : UTC_MINUTES.format(e.lastSyncAt()),
                    e.lastSyncAt() == null ? "" : e.lastSyncAt().toString(),
                    flags,
                    attention,
                    flags.stream().filter(SAFETY::contains).toList(),
                    flags.stream().filter(f -> !SAFETY.contains(f)).toList(),
                    components,
                    e.worstOpenAlert(),
                    // Sorts by the worst kind (more severe is higher), then by the count.
                    (e.worstOpenAlert() == null
                                            ? 0
                                            : AlertSeverity.ORDER.size() + 1 - AlertSeverity.rank(e.worstOpenAlert()))
                                    * 1000
                            + e.openAlerts(),
                    e.daysWithDataLast30());
        }

        /** A component this week so far: its capped ratio, as shown, and its status. */
        public record ComponentShown(String kind, Double adherence, String shown, String status) {}

        private static String percent(Double share) {
            return share == null ? "–" : String.format(Locale.ROOT, "%.0f %%", share * 100);
        }
    }

    /**
     * A safety flag first (a safety cap exceeded), then the rest needing attention (an open alert,
     * no data last week, sparse data over the last 30 days or no program in force), then
     * the lowest adherence last week, patients without any last.
     */
    static final Comparator<TriageRow> TRIAGE_ORDER = Comparator.comparing((TriageRow r) -> !r.safety())
            .thenComparing((TriageRow r) -> !r.attention())
            .thenComparing(TriageRow::lastWeek, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TriageRow::name)
            .thenComparing(TriageRow::patientId);

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response home() {
        return pages.signedIn(this::triage);
    }

    private Response triage(Session session) {
        List<TriageRow> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<RosterEntry> entries = roster.roster("adherence", page, Page.MAX_SIZE);
            entries.items().stream().map(TriageRow::of).forEach(rows::add);
            if (entries.items().size() < Page.MAX_SIZE) {
                break;
            }
        }
        rows.sort(TRIAGE_ORDER);
        return ConsolePages.page(200, pages.withHeader(triage, session).data("rows", rows));
    }

    @GET
    @Path("/patients/{patientId}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response patient(@PathParam("patientId") String patientId) {
        return pages.signedIn(session -> pages.found(
                session,
                () -> patientPage.of(ConsolePages.id("patient", patientId)),
                model -> ConsolePages.page(200, patientPage(patient, pages, session, model, null))));
    }

    @GET
    @Path("/sign-in/{code}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response signIn(@PathParam("code") String code, @Context UriInfo uri) {
        Optional<Session> session = code.length() > 100 ? Optional.empty() : sessions.signIn(code);
        if (session.isEmpty()) {
            return pages.signedOut(401, "link");
        }
        return Response.seeOther(URI.create("/console"))
                .cookie(cookie(session.get().id(), (int) ConsoleSessions.SESSION_LIFETIME.toSeconds(), uri))
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response signOut(@FormParam("csrf") String csrf, @Context UriInfo uri) {
        return pages.form(csrf, session -> {
            sessions.end(session.id());
            return Response.seeOther(URI.create("/console/signed-out"))
                    .cookie(cookie("", 0, uri))
                    .build();
        });
    }

    @GET
    @Path("/signed-out")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response signedOut() {
        return pages.signedOut(200, "bye");
    }

    /** HttpOnly, SameSite=Lax, on the console's path; Secure unless the console is opened on this machine. */
    static NewCookie cookie(String value, int maxAge, UriInfo uri) {
        String host = uri.getRequestUri().getHost();
        boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        return new NewCookie.Builder(ConsoleAuthentication.COOKIE)
                .value(value)
                .path("/console")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(!local)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    /** The patient page, with the note error of one alert's acknowledgement form, or none. */
    static io.quarkus.qute.TemplateInstance patientPage(
            Template patient,
            ConsolePages pages,
            Session session,
            PatientPage.Model model,
            ConsoleAlertsResource.NoteError noteError) {
        return pages.withHeader(patient, session)
                .data("p", model)
                .data("noteLimit", org.osteon.alert.AlertNote.MAX_CHARS)
                .data("noteError", noteError);
    }
}
