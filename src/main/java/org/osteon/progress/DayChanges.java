package org.osteon.progress;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.osteon.adherence.AdherenceAnswers;
import org.osteon.common.Jdbc;
import org.osteon.engine.DayNotices;
import org.osteon.engine.DayNotices.Change;
import org.osteon.program.ProgramChanged;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells this instance's subscribers when a patient's progress changed, whichever instance
 * changed it: a day was scored again, or a new program version changes adherence from its
 * effective date. Both travel as the PostgreSQL notification of {@link DayNotices}, sent in the
 * transaction that makes the change, so they are delivered exactly when the change is visible, to
 * every instance listening; each instance keeps one connection that listens and fans the changes
 * out to its server-sent-event streams, and tells {@link AdherenceAnswers} which patients'
 * kept answers ended, and whether it hears every change (only while it listens).
 */
@ApplicationScoped
public class DayChanges {
    private static final Logger LOG = Logger.getLogger(DayChanges.class);
    static final int BUFFER = 256;

    private final AgroalDataSource dataSource;
    private final Jdbc jdbc;
    private final AdherenceAnswers answers;
    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();
    private volatile boolean stopping;
    private Thread listener;

    public DayChanges(AgroalDataSource dataSource, Jdbc jdbc, AdherenceAnswers answers) {
        this.dataSource = dataSource;
        this.answers = answers;
        this.jdbc = jdbc;
    }

    /**
     * Announces a program change with the transaction that stores it (a synchronous observer runs
     * in it): heard only if it commits.
     */
    void programChanged(@Observes ProgramChanged change) {
        jdbc.one(
                "select pg_notify(?, ?)",
                rs -> rs.getString(1),
                DayNotices.CHANNEL,
                DayNotices.programChanged(change.patientId(), change.effectiveFrom()));
    }
    /**
     * Changes of one patient's days from now on. Each subscriber buffers at most {@link
     * #BUFFER} changes; one that reads slower than that loses its stream (and reconnects, as SSE
     * clients do) rather than making the instance hold an unbounded backlog for it.
     */
    public Multi<Change> of(UUID patientId) {
        return changes.select()
                .where(c -> c.patientId().equals(patientId))
                .onOverflow()
                .buffer(BUFFER);
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
                    s.execute("listen " + DayNotices.CHANNEL);
                }
                backoff = 100;
                answers.listening();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!stopping) {
                    PGNotification[] received = pg.getNotifications(500);
                    if (received != null) {
                        for (PGNotification n : received) {
                            Change change = DayNotices.parse(n.getParameter());
                            answers.heard(change);
                            changes.onNext(change);
                        }
                    }
                }
                answers.deaf();
            } catch (SQLException | RuntimeException e) {
                answers.deaf();
                if (!stopping) {
                    LOG.warnf(
                            "Listening for day changes failed (%s); listening again in %d ms", e.getMessage(), backoff);
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
