package org.osteon.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;
import org.osteon.engine.DayScoreRepository.PatientInfo;
import org.osteon.engine.DayScoreRepository.SourceDevice;
import org.osteon.engine.DirtyDays.Claim;
import org.osteon.scoring.Placement;
import org.osteon.scoring.pipeline.ScoringParams;

/**
 * Turns marked days into {@code day_summary} rows: each worker claims ready days from {@code
 * day_dirty}, re-scores each from its raw data and writes the row, all within the database, so
 * that any number of instances can share the work and a crash loses nothing (docs/engine.md).
 *
 * <p>Why a table and not an in-process channel (SmallRye Reactive Messaging) from ingest to the
 * scorer: the work must survive a crash and be visible to every instance, which a channel is
 * not, and once the table exists a channel would only be a second queue to keep bounded.
 * The table coalesces by itself: a thousand batches of one day are one row.
 */
@ApplicationScoped
public class ScoringEngine {
    private static final Logger LOG = Logger.getLogger(ScoringEngine.class);
    /** Days a worker claims at once; small, so that other instances get their share. */
    private static final int CLAIM = 4;
    /** Rate assumed for a day with loading events but no accelerometer data; only provenance shows it. */
    private static final double NO_ACCEL_RATE_HZ = 50;

    private final EngineConfig config;
    private final AgroalDataSource dataSource;
    private final DayScoreRepository repository;
    private final RollingCircadian rolling;
    private final List<Thread> workers = new ArrayList<>();
    private final Counter written;
    private final Counter superseded;
    private final Counter failed;
    private final Timer scoring;
    private final Event<DayScored> scored;
    private volatile boolean stopping;

    public ScoringEngine(EngineConfig config, AgroalDataSource dataSource, ObjectMapper json, MeterRegistry registry,
            Event<DayScored> scored) {
        this.config = config;
        this.scored = scored;
        this.dataSource = dataSource;
        this.repository = new DayScoreRepository(json);
        this.rolling = new RollingCircadian(json);
        String name = "osteon_engine_days_total";
        String help = "Claimed days by outcome: written, superseded (a batch arrived meanwhile), failed";
        this.written = Counter.builder(name).description(help).tag("outcome", "written").register(registry);
        this.superseded = Counter.builder(name).description(help).tag("outcome", "superseded").register(registry);
        this.failed = Counter.builder(name).description(help).tag("outcome", "failed").register(registry);
        this.scoring = Timer.builder("osteon_engine_scoring_seconds").description("Scoring one day, read to commit")
                .publishPercentileHistogram().register(registry);
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
            claims = DirtyDays.claim(c, CLAIM, config.quiet(), config.maxDelay(), config.lease());
        }
        for (Claim claim : claims) {
            if (stopping) {
                break;
            }
            score(claim);
        }
        return claims.size();
    }

    /**
     * Scores a claimed day in one transaction: reads its data, and writes the row only if no
     * batch for the day arrived meanwhile (otherwise the mark stays and the day is scored again).
     * A failure leaves the claim to expire, which is the retry's back-off.
     */
    private void score(Claim claim) {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean current = scoreIn(c, claim);
                c.commit();
                scoring.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                (current ? written : superseded).increment();
                if (current) {
                    announce(claim);
                    LOG.debugf("Scored patient %s day %s in %d ms", claim.patientId(), claim.date(),
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            failed.increment();
            LOG.warnf(e, "Scoring patient %s day %s failed; it is retried after %s", claim.patientId(), claim.date(),
                    config.lease());
        }
    }

    private void announce(Claim claim) {
        try {
            scored.fire(new DayScored(claim.patientId(), claim.date()));
        } catch (RuntimeException e) {
            LOG.warnf(e, "An observer of patient %s day %s failed; the day itself is stored", claim.patientId(),
                    claim.date());
        }
    }

    private boolean scoreIn(Connection c, Claim claim) throws SQLException {
        Optional<PatientInfo> patient = repository.patient(c, claim.patientId());
        if (patient.isEmpty()) {
            return false;
        }
        ZoneId zone = patient.get().zone();
        Instant from = claim.date().atStartOfDay(zone).toInstant();
        Instant to = claim.date().plusDays(1).atStartOfDay(zone).toInstant();
        Optional<SourceDevice> device = repository.sourceDevice(c, claim.patientId(), from, to);
        ScoringParams params = paramsFor(device);
        DayScoring day = new DayScoring(params, zone, claim.date());
        if (device.isPresent()) {
            repository.batches(c, device.get().id(), from, to, day::accept);
        }
        repository.loadingEvents(c, claim.patientId(), from, to, patient.get().bodyMassKg(), day::addLoadingEvent);
        DayScoring.Result result = day.finish();
        if (!DirtyDays.stillCurrent(c, claim)) {
            return false;
        }
        RollingCircadian.lock(c, claim.patientId());
        if (result.summary() == null) {
            repository.delete(c, claim.patientId(), claim.date());
        } else {
            repository.upsert(c, claim.patientId(), result, source(device));
        }
        rolling.dayWritten(c, claim.patientId(), claim.date(), day.circadianDay());
        DirtyDays.finish(c, claim);
        DayChanges.dayScored(c, claim.patientId(), claim.date());
        return true;
    }

    /** Scoring parameters from where the device is worn; all others are the metrics' defaults. */
    static ScoringParams paramsFor(Optional<SourceDevice> device) {
        if (device.isEmpty()) {
            return ScoringParams.builder(NO_ACCEL_RATE_HZ).build();
        }
        Placement placement = Placement.valueOf(device.get().placement().toUpperCase(Locale.ROOT));
        return ScoringParams.builder(device.get().rateHz()).placement(placement).build();
    }

    private static Map<String, Object> source(Optional<SourceDevice> device) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("engine", "osteon-day-scoring");
        s.put("engineVersion", "1");
        device.ifPresent(d -> {
            s.put("deviceId", d.id());
            s.put("placement", d.placement());
            s.put("rateHz", d.rateHz());
        });
        return s;
    }
}
