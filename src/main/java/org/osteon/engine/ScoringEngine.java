package org.osteon.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.annotations.Broadcast;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.osteon.engine.DayScoreRepository.PatientInfo;
import org.osteon.engine.DayScoreRepository.SourceDevice;
import org.osteon.engine.DirtyDays.Claim;
import org.osteon.scoring.Placement;
import org.osteon.scoring.bone.LoadingEvent;
import org.osteon.scoring.pipeline.ScoringParams;

/**
 * Turns marked days into {@code day_summary} rows: each worker claims ready days from {@code
 * day_dirty}, re-scores each from its raw data and writes the row, all within the database, so
 * that any number of instances can share the work and a crash loses nothing (docs/engine.md).
 *
 * <p>Why a table and not an in-process channel (SmallRye Reactive Messaging) from ingest to the
 * scorer: the work must survive a crash and be visible to every instance, which a channel is
 * not, and once the table exists a channel would only be a second queue to keep bounded.
 * The table coalesces by itself: a thousand batches of one day are one row. What follows a
 * scored day on this instance (alerts, device progress) does go through a channel,
 * {@link DayScored#CHANNEL}: it is a hint that may be dropped under load, never the record.
 */
@ApplicationScoped
public class ScoringEngine {
    private static final Logger LOG = Logger.getLogger(ScoringEngine.class);
    /** Rate assumed for a day with loading events but no accelerometer data; only provenance shows it. */
    private static final double NO_ACCEL_RATE_HZ = 50;
    /**
     * Id prefix of the pseudo-device an imported baseline recording is stored under ({@code
     * baseline/<recording id>}, V67): a '/' that no registered device id can hold, so no MQTT
     * message ever lands there. Its days name the recording in their provenance.
     */
    public static final String BASELINE_DEVICE_PREFIX = "baseline/";

    private final EngineConfig config;
    private final AgroalDataSource dataSource;
    private final DayScoreRepository repository;
    private final RollingCircadian rolling;
    private final SleepNights sleep;
    private final List<Thread> workers = new ArrayList<>();
    private final EngineMetrics metrics;
    private final LiveDays live;
    /**
     * Where each scored day goes next (alerts, device progress), on every consumer of the
     * channel. Bounded: should the consumers fall this far behind, announcements are dropped and
     * counted rather than held, since scoring must not wait for them and each is a hint that
     * the next scoring of the day repeats.
     */
    @Inject
    @Channel(DayScored.CHANNEL)
    @Broadcast
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<DayScored> scored;

    /** Told, on this instance and before anything else, that a patient's days may have changed. */
    private final Event<DaysWritten> written;

    private volatile boolean stopping;

    public ScoringEngine(
            EngineConfig config,
            AgroalDataSource dataSource,
            ObjectMapper json,
            MeterRegistry registry,
            Event<DaysWritten> written) {
        this.config = config;
        this.written = written;
        this.dataSource = dataSource;
        this.repository = new DayScoreRepository(json);
        this.rolling = new RollingCircadian(json);
        this.sleep = new SleepNights(json);
        this.live = new LiveDays(config.liveDays());
        this.metrics = new EngineMetrics(registry, live);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Scoring engine is disabled on this instance");
            return;
        }
        for (int i = 0; i < config.workers(); i++) {
            Thread t = new Thread(this::work, "osteon-scoring-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
        for (Thread t : workers) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void work() {
        while (!stopping) {
            int scored = 0;
            try {
                scored = scoreReadyDays();
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("Claiming days to score failed (%s); trying again", e.getMessage());
            }
            if (scored == 0 && !stopping) {
                LockSupport.parkNanos(config.poll().toNanos());
            }
        }
    }

    /** Claims and scores one round of ready days; returns how many were claimed. */
    int scoreReadyDays() throws SQLException {
        List<Claim> claims;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            claims = DirtyDays.claim(c, config.claimSize(), config.quiet(), config.maxDelay(), config.lease());
        }
        // A full claim means more days are ready than one claim takes: the engine is behind.
        boolean behind = claims.size() >= config.claimSize();
        for (Claim claim : claims) {
            if (stopping) {
                break;
            }
            score(claim, behind);
        }
        return claims.size();
    }

    /**
     * Scores a claimed day in one transaction: reads its data, and writes the row only if no
     * batch for the day arrived meanwhile (otherwise the mark stays and the day is scored again).
     * A failure leaves the claim to expire, which is the retry's back-off.
     *
     * @param behind whether the engine is behind, so that a continued day's derived values may wait
     */
    private void score(Claim claim, boolean behind) {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Scored outcome = scoreIn(c, claim, behind);
                boolean current = outcome.current();
                c.commit();
                written.fire(new DaysWritten(claim.patientId(), claim.date()));
                if (outcome.open() != null) {
                    if (current && !outcome.deferred()) {
                        outcome.open().derivedAtNanos = System.nanoTime();
                    }
                    live.put(claim.patientId(), claim.date(), outcome.open());
                }
                metrics.scored(current, System.nanoTime() - started);
                if (current) {
                    metrics.derived(outcome.deferred());
                    announce(claim);
                    LOG.debugf(
                            "Scored patient %s day %s in %d ms",
                            claim.patientId(),
                            claim.date(),
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            metrics.failed();
            LOG.warnf(
                    e,
                    "Scoring patient %s day %s failed; it is retried after %s",
                    claim.patientId(),
                    claim.date(),
                    config.lease());
        }
    }

    private void announce(Claim claim) {
        try {
            scored.send(new DayScored(claim.patientId(), claim.date()));
        } catch (RuntimeException e) {
            metrics.unannounced();
            LOG.debugf(
                    "Patient %s day %s was not announced (%s); the day itself is stored",
                    claim.patientId(), claim.date(), e.getMessage());
        }
    }

    /**
     * @param current whether the row was written (no batch arrived meanwhile)
     * @param open the day's scoring state to keep for its next batches (null: nothing to keep)
     * @param deferred whether the row was written without its derived values (they are due)
     */
    private record Scored(boolean current, LiveDays.Open open, boolean deferred) {}

    private Scored scoreIn(Connection c, Claim claim, boolean behind) throws SQLException {
        LiveDays.Open open = live.take(claim.patientId(), claim.date());
        Optional<PatientInfo> patient =
                repository.patient(c, claim.patientId(), claim.date(), open == null ? null : open.deviceId);
        if (patient.isEmpty()) {
            return new Scored(false, null, false);
        }
        ZoneId zone = patient.get().zone();
        Instant from = claim.date().atStartOfDay(zone).toInstant();
        Instant to = claim.date().plusDays(1).atStartOfDay(zone).toInstant();
        if (open != null) {
            open = continued(c, claim, open, patient.get(), from, to);
        }
        // The derived values may wait only on a row this state wrote with them, or after them.
        Duration deferFor = open == null
                ? null
                : deferDerived(behind, open, patient.get().scoringId(), System.nanoTime(), config.derivedInterval());
        Optional<SourceDevice> device;
        ScoringParams params;
        if (open != null) {
            device = Optional.of(open.source());
            params = paramsFor(device);
            metrics.readContinued();
        } else {
            device = repository.sourceDevice(c, claim.patientId(), from, to);
            params = paramsFor(device);
            if (device.isPresent()) {
                open = new LiveDays.Open(device.get(), new DayScoring(params, zone, claim.date()));
                repository.batches(c, device.get().id(), from, to, open::accept);
                metrics.readFromStart();
            }
        }
        List<LoadingEvent> events = new ArrayList<>();
        if (patient.get().loadingEvents()) {
            repository.loadingEvents(
                    c, claim.patientId(), from, to, patient.get().bodyMassKg(), events::add);
        }
        DayScoring day = open != null ? open.day : new DayScoring(params, zone, claim.date());
        DayScoring.Result result = day.resultWith(events);
        // The scoring's commit does not wait for the WAL to reach disk. Safe because everything it
        // writes is derived and goes with the removal of its mark: a crash that loses the commit
        // loses both, and the day is scored again; nothing acknowledged to a device depends on it.
        if (deferFor != null && result.summary() != null) {
            // Only the day's own columns, checked, written and its mark kept in one statement: the
            // derived values, their provenance and the day's stored sleep epochs stay as the last
            // full scoring left them, all functions of one set of stored epochs; the mark stays for
            // them (docs/engine.md, Deferred derived values).
            UUID scoringId = UUID.randomUUID();
            if (!repository.upsertDeferred(
                    c,
                    claim,
                    result,
                    source(device, result),
                    scoringId,
                    patient.get().bodyMassKg(),
                    deferFor)) {
                DirtyDays.release(c, claim);
                return new Scored(false, open, false);
            }
            open.writtenBy = scoringId;
            return new Scored(true, open, true);
        }
        if (!DirtyDays.stillCurrent(c, claim, true)) {
            // The state read committed data: the next scoring of the day goes on from it.
            return new Scored(false, open, false);
        }
        UUID scoringId = UUID.randomUUID();
        RollingCircadian.lock(c, claim.patientId());
        if (result.summary() == null) {
            repository.delete(c, claim.patientId(), claim.date());
        } else {
            repository.upsert(
                    c,
                    claim.patientId(),
                    result,
                    source(device, result),
                    scoringId,
                    patient.get().bodyMassKg());
        }
        if (open != null) {
            open.writtenBy = result.summary() == null ? null : scoringId;
        }
        Optional<SleepNights.DayWaking> waking = sleep.dayWritten(
                c,
                claim.patientId(),
                claim.date(),
                zone,
                Optional.ofNullable(result.summary() == null ? null : result.sleepEpochs())
                        .filter(d -> !d.empty()));
        // The day's waking values go with its circadian columns: one more version of its row, not two.
        rolling.dayWritten(c, claim.patientId(), claim.date(), Optional.ofNullable(result.circadianDay()), waking);
        DirtyDays.finish(c, claim, result.dataThrough());
        return new Scored(true, open, false);
    }

    /**
     * How long a continued day's derived values may still wait (null: write them now). They wait
     * only when the engine is behind, the day's row is the one this state wrote last, and this
     * state wrote them less than {@code derived-interval} ago; the day's mark is then due when
     * that interval ends.
     */
    static Duration deferDerived(
            boolean behind, LiveDays.Open open, UUID rowWrittenBy, long nowNanos, Duration interval) {
        if (!behind
                || interval.isZero()
                || open.derivedAtNanos == 0
                || open.writtenBy == null
                || !open.writtenBy.equals(rowWrittenBy)) {
            return null;
        }
        long left = interval.toNanos() - (nowNanos - open.derivedAtNanos);
        return left > 0 ? Duration.ofNanos(left) : null;
    }

    /**
     * The day's open state fed with the batches stored since, or null when the day must be read
     * from its start instead: a batch arrived that belongs before the state's last one, or the
     * state's device is no longer the day's source (another device has more samples, its rate or
     * placement changed). Cheap in the common case: when the row is still the one this state
     * wrote and every batch marked since starts later, nothing is counted.
     */
    private LiveDays.Open continued(
            Connection c, Claim claim, LiveDays.Open open, PatientInfo patient, Instant from, Instant to)
            throws SQLException {
        if (open.onlyLaterBatchesSince(patient.scoringId(), claim.minStart())) {
            metrics.checkedByMarks();
        } else {
            metrics.checkedByCount();
            if (repository.batchesThrough(c, open, from, to) != open.batches) {
                return null;
            }
        }
        repository.batchesAfter(c, open.deviceId, from, to, open, open::accept);
        Map<String, Long> others = patient.devices() > 1
                ? repository.otherDevicesSamples(c, claim.patientId(), open.deviceId, from, to)
                : Map.of();
        boolean source = open.stillSource(others, patient.openPlacement());
        return source ? open : null;
    }

    /** Scoring parameters from where the device is worn; all others are the metrics' defaults. */
    static ScoringParams paramsFor(Optional<SourceDevice> device) {
        if (device.isEmpty()) {
            return ScoringParams.builder(NO_ACCEL_RATE_HZ).build();
        }
        Placement placement = Placement.fromApiName(device.get().placement());
        return ScoringParams.builder(device.get().rateHz()).placement(placement).build();
    }

    private static Map<String, Object> source(Optional<SourceDevice> device, DayScoring.Result result) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("engine", "osteon-day-scoring");
        s.put("engineVersion", "1");
        device.ifPresent(d -> {
            s.put("deviceId", d.id());
            s.put("placement", d.placement());
            s.put("rateHz", d.rateHz());
            if (d.id().startsWith(BASELINE_DEVICE_PREFIX)) {
                s.put("sources", List.of("baseline:" + d.id().substring(BASELINE_DEVICE_PREFIX.length())));
            }
        });
        if (result.dataThrough() != null) {
            s.put("dataThrough", result.dataThrough().toString());
        }
        return s;
    }
}
