package org.osteon.engine;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.osteon.common.Jdbc;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells this instance's subscribers when a patient's progress changed, whichever instance
 * changed it: a day was scored again, or a new program version changes adherence from its
 * effective date. The change is sent as a PostgreSQL notification in the transaction that makes
 * it, so it is delivered exactly when the change is visible, to every instance listening; each
 * instance keeps one connection that listens and fans the changes out to its server-sent-event
 * streams.
 */
@ApplicationScoped
public class DayChanges {
    private static final Logger LOG = Logger.getLogger(DayChanges.class);
    static final String CHANNEL = "osteon_day_changed";
    static final int BUFFER = 256;

    /**
     * A change of a patient's progress.
     *
     * @param kind {@code day}: the day {@code date} was scored again, its results and adherence
     *     changed; {@code program}: a program version takes effect on {@code date}, adherence from
     *     then on follows it
     * @param dataThrough for {@code day}: the end of the latest sample or loading event the day's
     *     results now include (null when the day has none left); an app compares it with what the
     *     wearable last sent
     */
    public record Change(UUID patientId, String kind, LocalDate date, Instant dataThrough) {}

    static final String DAY = "day";
    static final String PROGRAM = "program";

    private final AgroalDataSource dataSource;
    private final Jdbc jdbc;
    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();
    private volatile boolean stopping;
    private Thread listener;

    public DayChanges(AgroalDataSource dataSource, Jdbc jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Sends a day's change with the transaction on {@code c}: listeners hear of it only if it commits. */
    static void dayScored(Connection c, UUID patientId, LocalDate date, Instant dataThrough) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, patientId + " " + DAY + " " + date + (dataThrough == null ? "" : " " + dataThrough));
            ps.execute();
        }
    }

    /** Sends a program change with the caller's (JTA) transaction: heard only if it commits. */
    public void programChanged(UUID patientId, LocalDate effectiveFrom) {
        jdbc.one("select pg_notify(?, ?)", rs -> rs.getString(1), CHANNEL, patientId + " " + PROGRAM + " " + effectiveFrom);
    }

    /**
     * Changes of one patient's days from now on. Each subscriber buffers at most {@link
     * #BUFFER} changes; one that reads slower than that loses its stream (and reconnects, as SSE
     * clients do) rather than making the instance hold an unbounded backlog for it.
     */
    public Multi<Change> of(UUID patientId) {
        return changes.select().where(c -> c.patientId().equals(patientId)).onOverflow().buffer(BUFFER);
    }

    void onStart(@Observes StartupEvent event) {
        listener = new Thread(this::listen, "osteon-day-changes");
        listener.setDaemon(true);
        listener.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        changes.onComplete();
    }

    private void listen() {
        long backoff = 100;
        while (!stopping) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + CHANNEL);
                }
                backoff = 100;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!stopping) {
                    PGNotification[] received = pg.getNotifications(500);
                    if (received != null) {
                        for (PGNotification n : received) {
                            String[] parts = n.getParameter().split(" ");
                            changes.onNext(new Change(UUID.fromString(parts[0]), parts[1], LocalDate.parse(parts[2]),
                                    parts.length > 3 ? Instant.parse(parts[3]) : null));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!stopping) {
                    LOG.warnf("Listening for day changes failed (%s); listening again in %d ms", e.getMessage(), backoff);
                    sleep(backoff);
                    backoff = Math.min(5_000, backoff * 2);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
