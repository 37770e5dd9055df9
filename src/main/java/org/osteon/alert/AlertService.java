package org.osteon.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.osteon.adherence.AdherenceConfig;
import org.osteon.adherence.AdherenceResults.DayAdherence;
import org.osteon.adherence.AdherenceService;
import org.osteon.alert.AlertRepository.Unresolved;
import org.osteon.alert.AlertRules.Clear;
import org.osteon.alert.AlertRules.Finding;
import org.osteon.alert.AlertRules.Holds;
import org.osteon.alert.AlertRules.JudgedDay;
import org.osteon.alert.AlertRules.Metric;
import org.osteon.alert.AlertRules.MetricDay;
import org.osteon.alert.AlertRules.Verdict;
import org.osteon.audit.AuditLog;
import org.osteon.common.ApiException;
import org.osteon.common.Jdbc;
import org.osteon.engine.ScoredDay;
import org.osteon.ingest.LastSync;
import org.osteon.mood.ResponseScored;
import org.osteon.patient.Patient;
import org.osteon.program.ProgramService;

/**
 * Evaluates the alert rules for a patient and keeps the alert table in step: raises an episode
 * once, resolves what cleared, and lets physiotherapists list and acknowledge (docs/alerts.md).
 */
@ApplicationScoped
@Transactional
public class AlertService {
    private static final Logger LOG = Logger.getLogger(AlertService.class);
    /** First key of the advisory locks alerts take; the second is the patient's (or 0 for the sweep). */
    static final int LOCK_NAMESPACE = 0x0A1E_27;

    private final AlertRepository alerts;
    private final AdherenceService adherence;
    private final ProgramService programs;
    private final Jdbc jdbc;
    private final LastSync lastSync;
    private final AlertConfig config;
    private final AdherenceConfig adherenceConfig;
    private final AuditLog audit;
    private final Clock clock;
    private final AlertRules rules;

    public AlertService(
            AlertRepository alerts,
            AdherenceService adherence,
            ProgramService programs,
            Jdbc jdbc,
            LastSync lastSync,
            AlertConfig config,
            AdherenceConfig adherenceConfig,
            AuditLog audit,
            Clock clock) {
        this.alerts = alerts;
        this.adherence = adherence;
        this.programs = programs;
        this.jdbc = jdbc;
        this.lastSync = lastSync;
        this.config = config;
        this.adherenceConfig = adherenceConfig;
        this.audit = audit;
        this.clock = clock;
        this.rules = new AlertRules(new AlertRules.Params(
                config.nonAdherence().days(),
                config.nonAdherence().noDataCountsAsMissed(),
                adherenceConfig.partialFrom(),
                config.noSync().days(),
                config.moodDecline().fraction(),
                config.moodDecline().recentDays(),
                config.moodDecline().baselineDays(),
                config.moodDecline().minRecentValidDays(),
                config.moodDecline().minBaselineValidDays(),
                adherenceConfig.minWearHours()));
    }

    public List<AlertView> evaluate(UUID patientId) {
        return evaluate(patientId, clock.instant());
    }

    /**
     * Evaluates every rule for the patient as of {@code now} and returns the alerts it raised. One
     * evaluation per patient at a time across all instances (an advisory lock held to commit); the
     * table's unique keys would keep duplicates out even without it.
     */
    public List<AlertView> evaluate(UUID patientId, Instant now) {
        Optional<Patient> found = Patient.findByIdOptional(patientId);
        if (found.isEmpty()) {
            return List.of();
        }
        jdbc.list("select pg_advisory_xact_lock(?, ?)", rs -> 1, LOCK_NAMESPACE, patientId.hashCode());
        Patient patient = found.get();
        ZoneId zone = ZoneId.of(patient.timeZone);
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant lastAccepted = lastSync.acceptedOfPatient(patientId).orElse(null);
        // A day is judged once a sync came after it ended: before that its data may still be on the way.
        LocalDate lastJudgeable = lastAccepted == null
                ? null
                : min(
                        today.minusDays(1),
                        LocalDate.ofInstant(lastAccepted, zone).minusDays(1));
        // Recordings arrive in time order (a first upload, a re-sync): no day from the newest scored
        // one on is judged, as those after it may not have arrived and it may be partial (a device in
        // use has today's or yesterday's scored); nor any from a past day still waiting to be scored,
        // which runs the rules again once it is.
        LocalDate[] marks = jdbc.one(
                        "select (select min(local_date) from day_dirty where patient_id = ? and local_date < ?), "
                                + "(select max(local_date) from day_summary where patient_id = ?)",
                        rs -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)},
                        patientId,
                        today,
                        patientId)
                .orElseThrow();
        LocalDate pending = marks[0], newest = marks[1];
        if (lastJudgeable != null) {
            lastJudgeable = newest == null ? null : min(lastJudgeable, newest.minusDays(1));
        }
        if (lastJudgeable != null && pending != null) {
            lastJudgeable = min(lastJudgeable, pending.minusDays(1));
        }
        List<AlertView> raised = new ArrayList<>();

        List<JudgedDay> days = new ArrayList<>();
        for (DayAdherence d : adherence.byDay(patient, today.minusDays(config.lookbackDays()), today)) {
            days.add(new JudgedDay(d.date(), adherence.overall(d), d.capExceeded()));
        }
        apply(patientId, "non_adherence", null, rules.nonAdherence(days, lastJudgeable), now, raised);
        for (Finding f : rules.safetyCap(days)) {
            raiseEvent(patientId, f, now, raised);
        }
        boolean inForce = programs.targets(patientId, today, today).get(0).inForce() != null;
        Instant registered = jdbc.one(
                        "select min(registered_at) from device where patient_id = ? and revoked_at is null",
                        rs -> rs.getTimestamp(1) == null
                                ? null
                                : rs.getTimestamp(1).toInstant(),
                        patientId)
                .orElse(null);
        apply(patientId, "no_sync", null, rules.noSync(now, lastAccepted, registered, inForce), now, raised);
        if (lastJudgeable != null) {
            moodDecline(patient, lastJudgeable, now, raised);
        }
        return raised;
    }

    private void moodDecline(Patient patient, LocalDate end, Instant now, List<AlertView> raised) {
        var md = config.moodDecline();
        LocalDate from = end.minusDays(md.recentDays() + md.baselineDays() - 1L);
        List<ScoredDay> summaries = adherence.summaries(patient, from, end);
        for (Metric metric : Metric.values()) {
            List<MetricDay> values = summaries.stream()
                    .map(s ->
                            new MetricDay(s.date(), value(metric, s), s.wearHours() >= adherenceConfig.minWearHours()))
                    .toList();
            apply(patient.id, "mood_decline", metric.key(), rules.moodDecline(metric, values, end), now, raised);
        }
    }

    private static Double value(Metric metric, ScoredDay s) {
        return switch (metric) {
            case MVPA_BOUTED_10 -> s.mvpaBoutedMinutes().min10();
            case RA -> s.relativeAmplitude();
        };
    }

    /**
     * A condition's verdict applied to the table: a holding condition raises its episode unless that
     * was raised before, or an unresolved alert of the rule and metric is the same ongoing episode;
     * a cleared one resolves what is unresolved; an unknown one changes nothing.
     */
    private void apply(
            UUID patientId, String rule, String metric, Verdict verdict, Instant now, List<AlertView> raised) {
        List<Unresolved> unresolved = alerts.unresolved(patientId, rule, metric, false);
        if (verdict instanceof Clear) {
            unresolved.forEach(u -> alerts.resolve(u.id(), "cleared", now));
            if (!unresolved.isEmpty()) {
                LOG.infof(
                        "Resolved %d %s alert(s) of patient %s: the condition cleared",
                        unresolved.size(), rule, patientId);
            }
            return;
        }
        if (!(verdict instanceof Holds holds)) {
            return;
        }
        Finding f = holds.finding();
        if (alerts.episodeExists(patientId, rule, f.episode())) {
            return;
        }
        if (!unresolved.isEmpty()) {
            if (f.continuing()) {
                return;
            }
            // Another episode of the condition: the one before has ended.
            unresolved.forEach(u -> alerts.resolve(u.id(), "cleared", now));
        }
        alerts.insert(patientId, f, "open", now).ifPresent(a -> raised(a, raised));
    }

    /**
     * An event (a safety-cap day) is raised once. The open list keeps the latest: a later day
     * supersedes an open earlier one, and a day that arrives after a later one is open is recorded
     * as superseded straight away.
     */
    private void raiseEvent(UUID patientId, Finding f, Instant now, List<AlertView> raised) {
        if (alerts.episodeExists(patientId, f.rule(), f.episode())) {
            return;
        }
        Optional<Unresolved> open = alerts.unresolved(patientId, f.rule(), f.metric(), true).stream()
                .max(Comparator.comparing(Unresolved::episode));
        if (open.isPresent() && open.get().episode().compareTo(f.episode()) > 0) {
            alerts.insert(patientId, f, "resolved", now);
            return;
        }
        open.ifPresent(o -> alerts.resolve(o.id(), "superseded", now));
        alerts.insert(patientId, f, "open", now).ifPresent(a -> raised(a, raised));
    }

    /**
     * Raises what a stored questionnaire response holds, in the transaction that stores it, so that a
     * response is never stored without its alerts; on whichever instance stored it, whether or not
     * this instance sweeps ({@code osteon.alerts.enabled}): a safety answer waits for no sweep.
     * Every item-9 alert is raised open, whatever else is open: each needs its own acknowledgement.
     * A worsening is an event like a safety-cap day: a later one supersedes an open earlier one.
     */
    void responseScored(@Observes ResponseScored e) {
        List<Finding> findings = QuestionnaireRules.findings(
                e.responseId(),
                e.questionnaire(),
                e.scored(),
                e.baseline(),
                e.previous(),
                config.questionnaires().worseningPoints());
        UUID patientId = e.patientId();
        Instant now = e.receivedAt();
        List<AlertView> raised = new ArrayList<>();
        for (Finding f : findings) {
            if (!AlertRules.FROM_ANSWERS.contains(f.rule())) {
                throw new IllegalArgumentException("not a rule of questionnaire answers: " + f.rule());
            }
            if (f.rule().equals(AlertRules.PHQ9_ITEM9)) {
                alerts.insert(patientId, f, "open", now).ifPresent(a -> raised(a, raised));
            } else {
                raiseEvent(patientId, f, now, raised);
            }
        }
    }

    private static void raised(AlertView a, List<AlertView> raised) {
        if (AlertRules.FROM_ANSWERS.contains(a.rule())) {
            // The rule would tell the patient's answer: mood answers stay out of logs.
            LOG.infof("Raised alert %s for patient %s from a questionnaire response", a.id(), a.patientId());
        } else {
            LOG.infof("Raised %s alert %s for patient %s", a.rule(), a.id(), a.patientId());
        }
        raised.add(a);
    }

    /** Patients with a program version in effect by {@code now}'s date anywhere on earth. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> patientsWithProgram(Instant now) {
        LocalDate latest = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).plusDays(1);
        return jdbc.list(
                "select distinct patient_id from program_version where effective_from <= ?",
                rs -> rs.getObject(1, UUID.class),
                latest);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AlertView> find(UUID id) {
        return alerts.find(id);
    }

    /** Alerts of one patient ({@code patientId}) or of all of a physiotherapist's patients; {@code status} null for all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public org.osteon.common.Page<AlertView> list(UUID patientId, UUID physioId, String status, int page, int size) {
        return new org.osteon.common.Page<>(
                alerts.list(patientId, physioId, status, size, (long) page * size),
                page,
                size,
                alerts.count(patientId, physioId, status));
    }

    /**
     * Acknowledges as {@code subject}, with a checked note or none; a repeat changes nothing (its
     * note included) and is not audited again. The audit records that a note was given, never the
     * note: clinical free text stays in the alert.
     */
    public AlertView acknowledge(AlertView alert, String subject, Optional<String> note) {
        if (note.isEmpty() && alert.status().equals("open") && AlertRules.noteRequired(alert.rule())) {
            throw ApiException.badField(
                    "note",
                    "is required to acknowledge a " + alert.rule() + " alert: say what was done, for example that "
                            + "the patient was reached and how they are");
        }
        if (alerts.acknowledge(
                alert.id(), subject, clock.instant().truncatedTo(ChronoUnit.MICROS), note.orElse(null))) {
            audit.record(
                    AuditLog.ALERT_ACKNOWLEDGED,
                    alert.patientId(),
                    null,
                    Map.of("alertId", alert.id().toString(), "rule", alert.rule(), "note", note.isPresent()));
        }
        return alerts.find(alert.id()).orElseThrow();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
