package org.osteon.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.osteon.common.ApiException;
import org.osteon.common.ApiProblem;
import org.osteon.common.Page;
import org.osteon.common.ProblemMapper;
import org.osteon.common.Text;
import org.osteon.console.ConsoleSessions.Session;
import org.osteon.console.ProgramForm.Draft;
import org.osteon.console.ProgramForm.Group;
import org.osteon.console.ProgramForm.Spec;
import org.osteon.patient.Patient;
import org.osteon.patient.PatientAccess;
import org.osteon.program.Component;
import org.osteon.program.ProgramDtos.ProgramChange;
import org.osteon.program.ProgramDtos.ProgramVersionView;
import org.osteon.program.ProgramDtos.ProgramView;
import org.osteon.program.ProgramDtos.TemplateView;
import org.osteon.program.ProgramResource;
import org.osteon.program.ProgramRules;
import org.osteon.program.TemplateResource;

/**
 * The program editor and the program's version history, for the patient's physiotherapist. Every
 * read and the save go through the program API's own resource ({@link ProgramResource}), as the
 * signed-in physiotherapist: the same access rule (another physiotherapist's patient is not
 * there), validation, audit and versioning. An error the API answers is turned into its
 * problem+json by the API's own {@link ProblemMapper}, and each named field's message is shown at
 * its input; the form keeps what was typed. The preview applies {@link ProgramRules#onDay}, the
 * rule the API computes a day's targets with, and saves nothing.
 */
@Path("/console/patients/{patientId}/program")
@Blocking
@PermitAll
public class ProgramEditorResource {
    /** Weeks the preview shows from the effective date. */
    static final int PREVIEW_WEEKS = 8;

    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ConsolePages pages;
    private final PatientAccess access;
    private final ProgramResource programs;
    private final TemplateResource templates;
    private final ObjectMapper json;
    private final Validator validator;
    private final ProblemMapper problems;
    private final Clock clock;
    private final Template editor;
    private final Template history;

    public ProgramEditorResource(
            ConsolePages pages,
            PatientAccess access,
            ProgramResource programs,
            TemplateResource templates,
            ObjectMapper json,
            Validator validator,
            Clock clock,
            @Location("console/program-editor.html") Template editor,
            @Location("console/program-history.html") Template history) {
        this.pages = pages;
        this.access = access;
        this.programs = programs;
        this.templates = templates;
        this.json = json;
        this.validator = validator;
        this.problems = new ProblemMapper(json);
        this.clock = clock;
        this.editor = editor;
        this.history = history;
    }

    // ---- what the templates show ----

    /** A choice of a select. */
    public record Option(String value, String label, boolean selected) {}

    /** One input: the API's field path as its name, what was typed, and the API's message for it. */
    public record FieldView(
            String name,
            String id,
            String label,
            String unit,
            String allowed,
            String control,
            String value,
            List<Option> options,
            String error) {
        public String describedBy() {
            return id + "-allowed" + (error == null ? "" : " " + id + "-error");
        }
    }

    /** Fields shown together under a legend. */
    public record GroupView(String legend, String note, List<FieldView> fields) {}

    /** One component of the draft. */
    public record ComponentView(int index, String kind, String title, List<GroupView> groups) {}

    /** One cell of the preview: a component's main target in one week. */
    public record PreviewCell(String kind, String target) {}

    /** One week of the preview, from its first day (a weekday of the effective date) to its last. */
    public record PreviewWeek(int week, String from, String to, List<PreviewCell> cells) {}

    /** A column of the preview: the component and what its number is. */
    public record PreviewColumn(String kind, String target) {}

    /** The preview's weeks. */
    public record Preview(List<PreviewColumn> columns, List<PreviewWeek> weeks) {}

    /** The editor page. */
    public record Editor(
            String patientId,
            String name,
            String timeZone,
            String today,
            String start,
            List<Option> starts,
            String source,
            List<ComponentView> components,
            List<String> addable,
            FieldView effectiveFrom,
            FieldView reason,
            List<String> topErrors,
            Preview preview) {}

    /** One version in the history, with what it changed against the one before. */
    public record VersionRow(
            int version,
            String effectiveFrom,
            String reason,
            String author,
            String createdAt,
            String createdAtUtc,
            boolean inForce,
            List<ProgramDiff.Change> changes) {}

    // ---- pages ----

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response edit(@PathParam("patientId") String patientId, @QueryParam("start") String start) {
        return pages.signedIn(session -> forPatient(session, patientId, p -> {
            Optional<ProgramView> current = current(p);
            List<TemplateView> all = templates.list();
            String from = start == null || start.isBlank() ? (current.isPresent() ? "current" : "") : start;
            List<Component> components = List.of();
            String source = "an empty program: choose a template or add components";
            if (from.equals("current") && current.isPresent()) {
                ProgramVersionView v = Optional.ofNullable(current.get().inForce())
                        .orElse(current.get().upcoming());
                components = v.components();
                source = "version " + v.version() + " (in force from " + v.effectiveFrom() + ")";
            } else {
                Optional<TemplateView> t =
                        all.stream().filter(x -> x.id().equals(from)).findFirst();
                if (t.isPresent()) {
                    components = t.get().components();
                    source = "the template " + t.get().name();
                }
            }
            List<Draft> drafts =
                    components.stream().map(c -> ProgramForm.of(c, json)).toList();
            Map<String, String> form = new LinkedHashMap<>();
            form.put("effectiveFrom", today(p).toString());
            form.put("reason", "");
            form.put("source", source);
            return ConsolePages.page(
                    200, page(session, p, current.isPresent(), all, from, drafts, form, Map.of(), List.of(), null));
        }));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response post(
            @PathParam("patientId") String patientId, MultivaluedMap<String, String> form, @Context UriInfo uri) {
        return pages.form(
                form.getFirst("csrf"),
                session -> forPatient(session, patientId, p -> {
                    List<Draft> drafts = new ArrayList<>(ProgramForm.read(form));
                    String action = Optional.ofNullable(form.getFirst("action")).orElse("");
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put(
                            "effectiveFrom",
                            Optional.ofNullable(form.getFirst("effectiveFrom")).orElse(""));
                    fields.put(
                            "reason",
                            Optional.ofNullable(form.getFirst("reason")).orElse(""));
                    fields.put(
                            "source",
                            Text.printable(
                                    Optional.ofNullable(form.getFirst("source")).orElse("the form"), 200));
                    // Shown back only, never stored: still cut to printable text of a bounded length.
                    String start = Text.printable(
                            Optional.ofNullable(form.getFirst("start")).orElse(""), 60);
                    Map<String, String> errors = new LinkedHashMap<>();
                    List<String> top = new ArrayList<>();
                    Preview preview = null;
                    if (action.equals("add-component")) {
                        String kind = form.getFirst("addKind");
                        if (kind != null
                                && ProgramForm.KINDS.contains(kind)
                                && drafts.stream().noneMatch(d -> d.kind().equals(kind))
                                && drafts.size() < ProgramForm.MAX_COMPONENTS) {
                            drafts.add(new Draft(kind, new LinkedHashMap<>()));
                        }
                    } else if (action.startsWith("remove-component-")) {
                        try {
                            int i = Integer.parseInt(action.substring("remove-component-".length()));
                            if (i >= 0 && i < drafts.size()) {
                                drafts.remove(i);
                            }
                        } catch (NumberFormatException e) {
                            top.add("action: unknown; use preview, save, add-component or remove-component-N");
                        }
                    } else if (action.equals("preview")) {
                        Optional<ApiProblem> problem = checkDraft(drafts, fields, uri);
                        if (problem.isPresent()) {
                            place(problem.get(), errors, top);
                        } else {
                            preview = preview(p, drafts, fields);
                        }
                    } else if (action.equals("save")) {
                        Saved saved = save(p, drafts, fields, uri);
                        if (saved.problem() == null) {
                            return Response.seeOther(URI.create(
                                            "/console/patients/" + p.id + "/program/versions?saved=" + saved.version()))
                                    .build();
                        }
                        place(saved.problem(), errors, top);
                    } else {
                        top.add("action: must be preview, save, add-component or remove-component-N");
                    }
                    boolean hasProgram = current(p).isPresent();
                    // The form again, with what was typed and any errors at their fields: a page to go
                    // on from, so 200 (the API's own answer was the 400).
                    return ConsolePages.page(
                            200,
                            page(
                                    session,
                                    p,
                                    hasProgram,
                                    templates.list(),
                                    start,
                                    drafts,
                                    fields,
                                    errors,
                                    top,
                                    preview));
                }));
    }

    @GET
    @Path("/versions")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response versions(@PathParam("patientId") String patientId, @QueryParam("saved") String saved) {
        return pages.signedIn(session -> forPatient(session, patientId, p -> {
            List<ProgramVersionView> all = new ArrayList<>();
            for (int page = 0; ; page++) {
                Page<ProgramVersionView> some = programs.versions(p.id, page, Page.MAX_SIZE);
                all.addAll(some.items());
                if (some.items().size() < Page.MAX_SIZE) {
                    break;
                }
            }
            Map<Integer, ProgramVersionView> byNumber = new LinkedHashMap<>();
            all.forEach(v -> byNumber.put(v.version(), v));
            Integer inForce = current(p)
                    .map(v -> v.inForce() == null ? null : v.inForce().version())
                    .orElse(null);
            ZoneId zone = ZoneId.of(p.timeZone);
            List<VersionRow> rows = new ArrayList<>();
            for (ProgramVersionView v : all) {
                ProgramVersionView before = byNumber.get(v.version() - 1);
                rows.add(new VersionRow(
                        v.version(),
                        v.effectiveFrom().toString(),
                        v.reason(),
                        v.author() == null
                                ? ""
                                : v.author().subject() + " (" + v.author().role() + ")",
                        LOCAL_MINUTES.format(v.createdAt().atZone(zone)),
                        v.createdAt().toString(),
                        inForce != null && inForce == v.version(),
                        ProgramDiff.between(before == null ? List.of() : before.components(), v.components())));
            }
            return ConsolePages.page(
                    200,
                    pages.withHeader(history, session)
                            .data("patientId", p.id.toString())
                            .data("name", p.displayName)
                            .data("timeZone", p.timeZone)
                            .data(
                                    "saved",
                                    rows.stream()
                                            .filter(r ->
                                                    String.valueOf(r.version()).equals(saved))
                                            .map(VersionRow::version)
                                            .findFirst()
                                            .orElse(null))
                            .data("rows", rows));
        }));
    }

    // ---- the API's path ----

    /**
     * Saves the draft as the program API's PUT does, through its resource: the body read by the
     * API's JSON mapper, then {@link ProgramResource#put} with its validation, access check, audit
     * and versioning. The API's error, as its problem+json, when it refuses.
     */
    private Saved save(Patient p, List<Draft> drafts, Map<String, String> fields, UriInfo uri) {
        try {
            Response added = programs.put(p.id, change(drafts, fields, fields.get("reason")), uri);
            // The Location of the version added ends with its number.
            String path = added.getLocation().getPath();
            return new Saved(Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)), null);
        } catch (JsonProcessingException | RuntimeException e) {
            return new Saved(0, problem(e, uri));
        }
    }

    /** The version a save added, or the API's problem with it. */
    private record Saved(int version, ApiProblem problem) {}

    /**
     * The checks the API makes of a body before it saves (its JSON reading, Bean Validation of the
     * body, {@link ProgramRules#check}), for a preview: the reason is not needed to look.
     */
    private Optional<ApiProblem> checkDraft(List<Draft> drafts, Map<String, String> fields, UriInfo uri) {
        try {
            ProgramChange body = change(drafts, fields, "preview");
            Set<ConstraintViolation<ProgramChange>> wrong = validator.validate(body);
            if (!wrong.isEmpty()) {
                throw new ConstraintViolationException(wrong);
            }
            ProgramRules.check(body.components());
            return Optional.empty();
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.of(problem(e, uri));
        }
    }

    private ProgramChange change(List<Draft> drafts, Map<String, String> fields, String reason)
            throws JsonProcessingException {
        ObjectNode body = json.createObjectNode();
        body.set("components", ProgramForm.body(drafts, json));
        body.put("reason", reason);
        String effective = fields.get("effectiveFrom").strip();
        if (!effective.isEmpty()) {
            body.put("effectiveFrom", effective);
        }
        return json.treeToValue(body, ProgramChange.class);
    }

    /** The API's answer to a failure, by the API's own mapper. */
    private ApiProblem problem(Exception e, UriInfo uri) {
        Response r;
        if (e instanceof ApiException a) {
            r = problems.apiException(a, uri);
        } else if (e instanceof ConstraintViolationException c) {
            r = problems.constraintViolation(c, uri);
        } else if (e instanceof JsonProcessingException j) {
            r = problems.unreadableJson(j, uri);
        } else if (e instanceof IllegalArgumentException && e.getCause() instanceof JsonProcessingException j) {
            r = problems.unreadableJson(j, uri);
        } else {
            throw (RuntimeException) e;
        }
        return (ApiProblem) r.getEntity();
    }

    /** Each error of the API at its field, or at the top of the form when no input has its name. */
    private static void place(ApiProblem problem, Map<String, String> errors, List<String> top) {
        if (problem.errors() == null || problem.errors().isEmpty()) {
            top.add(problem.detail());
            return;
        }
        for (ApiProblem.FieldError e : problem.errors()) {
            errors.merge(e.field(), e.message(), (a, b) -> a + "; " + b);
        }
    }

    // ---- the preview ----

    /** The main target of each component in each week from the effective date, progression applied. */
    private Preview preview(Patient p, List<Draft> drafts, Map<String, String> fields) {
        ProgramChange body;
        try {
            body = change(drafts, fields, "preview");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a checked draft no longer reads", e);
        }
        List<Component> components = body.components();
        // The API's default: today in the patient's time zone.
        LocalDate from = body.effectiveFrom() == null ? today(p) : body.effectiveFrom();
        List<PreviewColumn> columns = components.stream()
                .map(c -> new PreviewColumn(c.kind(), ProgramForm.shownField(c) + " (" + ProgramForm.mainUnit(c) + ")"))
                .toList();
        List<PreviewWeek> weeks = new ArrayList<>();
        for (int w = 0; w < PREVIEW_WEEKS; w++) {
            LocalDate start = from.plusWeeks(w);
            List<PreviewCell> cells = new ArrayList<>();
            for (Component c : components) {
                // The same rule as the API's targets for a day: the whole week has the same step.
                Component on = ProgramRules.onDay(c, from, start);
                cells.add(new PreviewCell(c.kind(), ProgramDiff.shown(ProgramForm.shownTarget(on))));
            }
            weeks.add(new PreviewWeek(w + 1, start.toString(), start.plusDays(6).toString(), cells));
        }
        return new Preview(columns, weeks);
    }

    // ---- building the page ----

    private TemplateInstance page(
            Session session,
            Patient p,
            boolean hasProgram,
            List<TemplateView> all,
            String start,
            List<Draft> drafts,
            Map<String, String> fields,
            Map<String, String> errors,
            List<String> top,
            Preview preview) {
        Map<String, String> unplaced = new LinkedHashMap<>(errors);
        List<ComponentView> components = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            String prefix = "components[" + i + "].";
            List<GroupView> groups = new ArrayList<>();
            for (Group g : ProgramForm.groups(d.kind())) {
                groups.add(new GroupView(
                        g.legend(),
                        g.note(),
                        g.fields().stream()
                                .map(s -> field(prefix, s, d, unplaced))
                                .toList()));
            }
            if (d.kind().equals("resistance")) {
                int n = d.exercises();
                for (int x = 0; x <= n && x < ProgramForm.MAX_EXERCISES; x++) {
                    String at = "exercises[" + x + "].";
                    groups.add(new GroupView(
                            x < n ? "Exercise " + (x + 1) : "Another exercise",
                            x < n ? null : "Leave empty to add none; empty an exercise's fields to drop it.",
                            ProgramForm.EXERCISE.stream()
                                    .map(s -> field(
                                            prefix,
                                            new Spec(
                                                    at + s.path(),
                                                    s.label(),
                                                    s.unit(),
                                                    s.allowed(),
                                                    s.control(),
                                                    s.options()),
                                            d,
                                            unplaced))
                                    .toList()));
                }
            }
            components.add(new ComponentView(i, d.kind(), title(d.kind()), groups));
        }
        FieldView effective = new FieldView(
                "effectiveFrom",
                ProgramForm.id("effectiveFrom"),
                "Takes effect on",
                null,
                "a date as YYYY-MM-DD in the patient's time zone (" + p.timeZone + "); today or later",
                "TEXT",
                fields.get("effectiveFrom"),
                List.of(),
                unplaced.remove("effectiveFrom"));
        FieldView reason = new FieldView(
                "reason",
                ProgramForm.id("reason"),
                "Reason for the change",
                null,
                "required, up to 1000 characters; kept with the version and in the audit log",
                "TEXTAREA",
                fields.get("reason"),
                List.of(),
                unplaced.remove("reason"));
        List<String> topErrors = new ArrayList<>(top);
        unplaced.forEach((field, message) -> topErrors.add(field + ": " + message));
        List<Option> starts = new ArrayList<>();
        if (hasProgram) {
            starts.add(new Option("current", "The current version", start.equals("current")));
        }
        all.forEach(t -> starts.add(new Option(t.id(), "Template: " + t.name(), start.equals(t.id()))));
        List<String> addable = ProgramForm.KINDS.stream()
                .filter(k -> drafts.stream().noneMatch(d -> d.kind().equals(k)))
                .toList();
        Editor model = new Editor(
                p.id.toString(),
                p.displayName,
                p.timeZone,
                today(p).toString(),
                start,
                starts,
                fields.get("source"),
                components,
                addable,
                effective,
                reason,
                topErrors,
                preview);
        return pages.withHeader(editor, session).data("e", model);
    }

    private static FieldView field(String prefix, Spec s, Draft d, Map<String, String> unplaced) {
        String name = prefix + s.path();
        List<String> values = d.values().getOrDefault(s.path(), List.of());
        String value = values.isEmpty() ? "" : values.get(0);
        List<Option> options = s.options().stream()
                .map(o -> new Option(o, o.charAt(0) + o.substring(1).toLowerCase(Locale.ROOT), values.contains(o)))
                .toList();
        return new FieldView(
                name,
                ProgramForm.id(name),
                s.label(),
                s.unit(),
                s.allowed(),
                s.control().name(),
                value,
                options,
                unplaced.remove(name));
    }

    private static String title(String kind) {
        return switch (kind) {
            case "impacts" -> "Impacts";
            case "mvpa" -> "Moderate-to-vigorous activity (MVPA)";
            case "steps" -> "Steps";
            case "resistance" -> "Resistance training";
            case "sedentary" -> "Sitting";
            case "checkin" -> "Mood check-in";
            default -> kind;
        };
    }

    // ---- access ----

    /**
     * The page for a patient the signed-in physiotherapist may change the program of; the
     * not-found page (404) for any other id, assigned elsewhere or unknown alike, as the API does.
     */
    private Response forPatient(Session session, String patientId, Function<Patient, Response> page) {
        return pages.found(session, () -> access.change(ConsolePages.id("patient", patientId)), page);
    }

    private Optional<ProgramView> current(Patient p) {
        try {
            return Optional.of(programs.get(p.id));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private LocalDate today(Patient p) {
        return LocalDate.now(clock.withZone(ZoneId.of(p.timeZone)));
    }
}
