package org.osteon.alert;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.osteon.common.Coalescing;
import org.osteon.engine.DayScored;

/**
 * When the rules run: for a patient soon after one of their days is scored (on the instance that
 * scored it, on a thread of its own, at most every {@code after-scoring-interval}), and for every patient with a program on a schedule, which is what notices devices
 * that fall silent. Only one instance sweeps at a time (a session advisory lock); evaluations of
 * one patient never overlap (AlertService).
 */
@ApplicationScoped
public class AlertTriggers {
    private static final Logger LOG = Logger.getLogger(AlertTriggers.class);

    private final AlertService service;
    private final AlertConfig config;
    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final Coalescing<UUID> afterScoring;

    public AlertTriggers(AlertService service, AlertConfig config, AgroalDataSource dataSource, Clock clock) {
        this.service = service;
        this.config = config;
        this.dataSource = dataSource;
        this.clock = clock;
        this.afterScoring =
                new Coalescing<>("osteon-alerts", config.afterScoringInterval(), this::evaluateAfterScoring);
    }

    /**
     * Queues the patient's evaluation, once however many of their days are scored meanwhile, and
     * no sooner than {@link AlertConfig#afterScoringInterval()} after the last one.
     */
    @Incoming(DayScored.CHANNEL)
    public void onDayScored(DayScored scored) {
        if (config.enabled()) {
            afterScoring.request(scored.patientId());
        }
    }

    private void evaluateAfterScoring(UUID patientId) {
        try {
            service.evaluate(patientId);
        } catch (RuntimeException e) {
            // The day is stored either way; the next sweep evaluates the patient again.
            LOG.warnf(e, "Evaluating alerts of patient %s after a scored day failed", patientId);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        afterScoring.close();
    }

    @Scheduled(
            every = "${osteon.alerts.every}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.enabled()) {
            sweep(clock.instant());
        }
    }

    /**
     * Evaluates every patient with a program as of {@code now}, each in a transaction of its own;
     * returns how many, or -1 when another instance is sweeping.
     */
    public int sweep(Instant now) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (!lock(c, "pg_try_advisory_lock")) {
                return -1;
            }
            try {
                int evaluated = 0;
                for (UUID patientId : service.patientsWithProgram(now)) {
                    try {
                        service.evaluate(patientId, now);
                        evaluated++;
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "Evaluating alerts of patient %s failed; the next sweep tries again", patientId);
                    }
                }
                return evaluated;
            } finally {
                lock(c, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            LOG.warnf("The alert sweep could not start (%s); it runs again in %s", e.getMessage(), config.every());
            return -1;
        }
    }

    private static boolean lock(Connection c, String function) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + function + "(?, 0)")) {
            ps.setInt(1, AlertService.LOCK_NAMESPACE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
