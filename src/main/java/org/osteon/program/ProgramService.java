package org.osteon.program;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.osteon.audit.AuditLog;
import org.osteon.auth.Caller;
import org.osteon.common.ApiException;
import org.osteon.common.Jdbc;
import org.osteon.common.Page;
import org.osteon.common.Text;
import org.osteon.patient.Patient;
import org.osteon.program.ProgramDtos.Author;
import org.osteon.program.ProgramDtos.ProgramChange;
import org.osteon.program.ProgramDtos.ProgramChangeResult;
import org.osteon.program.ProgramDtos.ProgramEdit;
import org.osteon.program.ProgramDtos.ProgramVersionView;
import org.osteon.program.ProgramDtos.ProgramView;
import org.osteon.program.ProgramDtos.TemplateView;

/** Prescribing and adjusting programs: every change is a new version, audited with its reason. */
@ApplicationScoped
@Transactional
public class ProgramService {
    private final ProgramRepository repository;
    private final AuditLog audit;
    private final Caller caller;
    private final Event<ProgramChanged> changed;
    private final Clock clock;
    private final CheckinQuestionnaires questionnaires;

    public ProgramService(
            ProgramRepository repository,
            AuditLog audit,
            Caller caller,
            Event<ProgramChanged> changed,
            Clock clock,
            CheckinQuestionnaires questionnaires) {
        this.questionnaires = questionnaires;
        this.repository = repository;
        this.audit = audit;
        this.caller = caller;
        this.changed = changed;
        this.clock = clock;
    }

    /** How far ahead a version may take effect: a plan, not a date that would overflow day arithmetic. */
    static final int MAX_YEARS_AHEAD = 10;

    /**
     * How far back a patient's first program may take effect: a program given at a clinic visit
     * and entered later, whose days had no targets before. Later versions never change past days.
     */
    static final int MAX_DAYS_BACK_FOR_FIRST = 28;

    /** Adds a version; the caller has been checked to be the patient's physiotherapist. */
    public ProgramVersionView change(Patient patient, ProgramChange body) {
        LocalDate today = today(patient, clock);
        LocalDate effectiveFrom = body.effectiveFrom() == null ? today : body.effectiveFrom();
        if (effectiveFrom.isBefore(today)) {
            int nextVersion = repository.nextVersion(patient.id);
            if (nextVersion > 1) {
                throw ApiException.badField(
                        "effectiveFrom",
                        "must not be before today (" + today
                                + " in the patient's time zone): past days keep their targets");
            }
            if (effectiveFrom.isBefore(today.minusDays(MAX_DAYS_BACK_FOR_FIRST))) {
                throw ApiException.badField(
                        "effectiveFrom",
                        "a first program may start at most "
                                + MAX_DAYS_BACK_FOR_FIRST + " days back, from "
                                + today.minusDays(MAX_DAYS_BACK_FOR_FIRST)
                                + " (today is " + today + " in the patient's time zone)");
            }
        }
        if (effectiveFrom.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            throw ApiException.badField(
                    "effectiveFrom",
                    "must be at most " + MAX_YEARS_AHEAD + " years after today (" + today
                            + " in the patient's time zone)");
        }
        List<Component> components = components(body);
        ProgramRules.check(components);
        ProgramRules.checkQuestionnaires(components, questionnaires.offered(), questionnaires.defined());
        ProgramVersionView v = new ProgramVersionView(
                patient.id,
                repository.nextVersion(patient.id),
                effectiveFrom,
                body.templateId(),
                components,
                new Author(caller.role(), caller.subject()),
                body.reason().strip(),
                // Truncated to what the database keeps, so the version returned equals the one read back.
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        repository.insert(v);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("version", v.version());
        detail.put("effectiveFrom", v.effectiveFrom().toString());
        if (v.templateId() != null) {
            detail.put("templateId", v.templateId());
        }
        audit.record(AuditLog.PROGRAM_CHANGED, patient.id, v.reason(), detail);
        // Adherence from the effective date follows the new version: apps following the patient hear of it.
        changed.fire(new ProgramChanged(patient.id, v.effectiveFrom()));
        return v;
    }

    /** The version in force today and the next one scheduled; empty when the patient has no program at all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProgramView> current(Patient patient) {
        LocalDate today = today(patient, clock);
        DayTargets inForce = targets(patient.id, today, today).get(0);
        Optional<ProgramVersionView> upcoming = repository.firstAfter(patient.id, today);
        if (inForce.inForce() == null && upcoming.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProgramView(today, inForce.inForce(), inForce.components(), upcoming.orElse(null)));
    }

    /**
     * The targets in force on each day of {@code from..to}, in date order: the version in force that
     * day (the latest to take effect by then, the highest number among those of one date) and its
     * components with the day's progression applied. One read of the versions covers the range.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DayTargets> targets(UUID patientId, LocalDate from, LocalDate to) {
        return targets(repository.inForceBetween(patientId, from, to), from, to);
    }

    /**
     * The versions {@link #targets} reads, as a query to run with a caller's other reads
     * ({@link org.osteon.common.Jdbc#read}); its rows give the targets by {@link #targets(List,
     * LocalDate, LocalDate)}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Jdbc.Query<ProgramVersionView> versionsInForce(UUID patientId, LocalDate from, LocalDate to) {
        return repository.inForce(patientId, from, to);
    }

    /** {@link #targets(UUID, LocalDate, LocalDate)} from the rows of {@link #versionsInForce}. */
    public static List<DayTargets> targets(List<ProgramVersionView> versions, LocalDate from, LocalDate to) {
        List<DayTargets> days = new ArrayList<>();
        // Counted in days, so that a range ending on the last representable date does not step past it.
        for (long i = 0, n = ChronoUnit.DAYS.between(from, to); i <= n; i++) {
            LocalDate day = from.plusDays(i);
            ProgramVersionView v = inForceOn(versions, day);
            days.add(new DayTargets(
                    day,
                    v,
                    v == null
                            ? List.of()
                            : v.components().stream()
                                    .map(c -> ProgramRules.onDay(c, v.effectiveFrom(), day))
                                    .toList()));
        }
        return days;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ProgramVersionView> versions(Patient patient, int page, int size) {
        return new Page<>(
                repository.versions(patient.id, size, (long) page * size),
                page,
                size,
                repository.countVersions(patient.id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProgramVersionView> version(Patient patient, int version) {
        return repository.version(patient.id, version);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TemplateView> templates() {
        return repository.templates();
    }

    /** The version in force on {@code day} among {@code versions} (as returned by the repository), or null. */
    private static ProgramVersionView inForceOn(List<ProgramVersionView> versions, LocalDate day) {
        ProgramVersionView best = null;
        for (ProgramVersionView v : versions) {
            if (!v.effectiveFrom().isAfter(day)
                    && (best == null
                            || v.effectiveFrom().isAfter(best.effectiveFrom())
                            || (v.effectiveFrom().equals(best.effectiveFrom()) && v.version() > best.version()))) {
                best = v;
            }
        }
        return best;
    }

    /** The patient's date now by {@code clock} (the service's, common/Clocks), in their time zone. */
    public static LocalDate today(Patient patient, Clock clock) {
        return today(ZoneId.of(patient.timeZone), clock);
    }

    /** As {@link #today(Patient, Clock)}, for a reader that has the patient's zone and not the entity. */
    public static LocalDate today(ZoneId zone, Clock clock) {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * Applies an edit to the version in force on its effective date and adds the result as a new
     * version; the answer says what changed. There must be a version to edit.
     */
    public ProgramChangeResult edit(Patient patient, ProgramEdit body, ObjectMapper json, Validator validator) {
        LocalDate today = today(patient, clock);
        LocalDate effectiveFrom = body.effectiveFrom() == null ? today : body.effectiveFrom();
        ProgramVersionView base = Optional.ofNullable(
                        targets(patient.id, effectiveFrom, effectiveFrom).get(0).inForce())
                .orElseThrow(() -> ApiException.badField(
                        "effectiveFrom",
                        "no program is in force on " + effectiveFrom + " to edit; prescribe one with PUT first"));
        List<ObjectNode> before = base.components().stream()
                .map(c -> (ObjectNode) json.valueToTree(c))
                .toList();
        List<ObjectNode> merged;
        try {
            merged = ProgramEdits.apply(
                    before,
                    body.set() == null ? List.of() : body.set(),
                    body.remove() == null ? List.of() : body.remove());
        } catch (ProgramEdits.BadEdit e) {
            throw ApiException.badField(e.field(), e.reason());
        }
        List<Component> components = new ArrayList<>();
        for (ObjectNode node : merged) {
            String kind = node.path("kind").asText();
            Component c;
            try {
                c = json.treeToValue(node, Component.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw ApiException.badField(
                        "set[kind=" + Text.printable(kind, 20) + "]",
                        "does not make a valid component: "
                                + Text.printable(
                                        e instanceof JsonProcessingException j
                                                ? j.getOriginalMessage()
                                                : e.getMessage(),
                                        200));
            }
            Optional<ConstraintViolation<Component>> wrong =
                    validator.validate(c).stream().findFirst();
            if (wrong.isPresent()) {
                throw ApiException.badField(
                        "set[kind=" + kind + "]." + wrong.get().getPropertyPath(),
                        wrong.get().getMessage());
            }
            components.add(c);
        }
        if (components.isEmpty()) {
            throw ApiException.badField("remove", "would leave the program without components");
        }
        ProgramVersionView v = change(patient, new ProgramChange(components, null, body.reason(), effectiveFrom));
        return new ProgramChangeResult(v, ProgramEdits.diff(base.components(), v.components(), json));
    }

    private List<Component> components(ProgramChange body) {
        if ((body.components() == null) == (body.templateId() == null)) {
            throw ApiException.badField("components", "give either components or templateId");
        }
        if (body.templateId() != null) {
            return repository
                    .template(body.templateId())
                    .orElseThrow(() -> ApiException.badField("templateId", "no template '" + body.templateId() + "'"))
                    .components();
        }
        return body.components();
    }
}
