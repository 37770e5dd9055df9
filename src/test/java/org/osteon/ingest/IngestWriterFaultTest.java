package org.osteon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osteon.ingest.Inbound.Outcome;
import org.osteon.ingest.Inbound.Status;
import org.osteon.support.Batches;
import org.osteon.support.Registry;
import org.osteon.support.TestClock;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The writer against the real PostgreSQL when the database refuses a message: whatever a decoder
 * let through, one message that cannot be stored is refused on its own and every other message of
 * its group is stored, in order; a database that is gone stalls the writer, which readiness hears of.
 */
@QuarkusTest
class IngestWriterFaultTest {
    @Inject
    AgroalDataSource db;

    @Inject
    IngestConfig config;

    final List<Completed> completed = new CopyOnWriteArrayList<>();
    IntakeQueue queue;
    IngestWriter writer;
    Thread thread;

    record Completed(List<Inbound> messages, Outcome[] outcomes) {}

    @BeforeEach
    void startWriter() {
        queue = new IntakeQueue(10_000, 1L << 30);
    }

    private void start(DataSource dataSource) {
        writer = new IngestWriter(
                queue,
                dataSource,
                new DeviceDirectory(Duration.ofSeconds(30)),
                (group, messages, outcomes, nanos) -> completed.add(new Completed(messages, outcomes)),
                config);
        thread = new Thread(writer, "test-ingest-writer");
        thread.start();
    }

    @AfterEach
    void stopWriter() throws InterruptedException {
        if (writer != null) {
            writer.stop(Duration.ofSeconds(5).toNanos());
            thread.join(10_000);
        }
    }

    @Test
    void aMessageTheDatabaseRefusesIsRefusedAloneAndTheRestOfItsGroupIsStoredInOrder() throws Exception {
        String a = Registry.newDevice(Registry.newPatient(), 8);
        String b = Registry.newDevice(Registry.newPatient(), 8);
        Instant start = TestClock.CLOCK.instant().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        PayloadDecoder decoder = new PayloadDecoder(Limits.from(config), TestClock.CLOCK);
        List<Inbound> sent = new ArrayList<>();
        for (int seq = 0; seq < 40; seq++) {
            String device = seq % 2 == 0 ? a : b;
            sent.add(decoder.decode(
                    new DeviceTopics.Address(device, Stream.ACCEL),
                    null,
                    seq,
                    1,
                    Batches.accelJson(seq, start.plusSeconds(seq), 25, 25),
                    System.nanoTime()));
            if (seq == 23) {
                // What a decoder that let a NUL through would hand on: PostgreSQL refuses the text (22021).
                sent.add(Inbound.refused(
                        new DeviceTopics.Address(a, Stream.LOAD),
                        null,
                        999,
                        1,
                        "{\"seq\":7}".getBytes(),
                        System.nanoTime(),
                        new Rejection(Rejection.Code.UNKNOWN_KIND, "events[0].kind: '\u0000' is not a kind"),
                        7L));
            }
        }
        // Queued before the writer starts, so that they form one group and the bad one sits in its middle.
        for (Inbound m : sent) {
            assertThat(queue.put(m, () -> false)).isTrue();
        }
        start(db);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> completed.stream().mapToInt(c -> c.messages.size()).sum() == sent.size());
        List<Inbound> inOrder = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Completed c : completed) {
            inOrder.addAll(c.messages);
            outcomes.addAll(List.of(c.outcomes));
        }
        assertThat(inOrder).containsExactlyElementsOf(sent);
        for (int i = 0; i < sent.size(); i++) {
            Inbound m = sent.get(i);
            if (m.messageId == 999) {
                assertThat(outcomes.get(i).status()).isEqualTo(Status.REJECTED);
                assertThat(outcomes.get(i).rejection().code()).isEqualTo(Rejection.Code.UNSTORABLE);
                assertThat(outcomes.get(i).rejection().reason())
                        .contains("22021")
                        .doesNotContain("\u0000");
            } else {
                assertThat(outcomes.get(i)).as("message %d", i).isEqualTo(Outcome.ACCEPTED);
            }
        }
        assertThat(count("select count(*) from accel_batch where device_id in (?, ?)", a, b))
                .isEqualTo(40);
        assertThat(count(
                        "select count(*) from ingest_rejection where device_id = ? and reason_code = 'unstorable'"
                                + " and seq = 7",
                        a))
                .isEqualTo(1);
        assertThat(writer.health().setAsideCount()).isEqualTo(1);
        assertThat(writer.health().stalled()).isFalse();
    }

    @Test
    void aDatabaseThatIsGoneStallsTheWriterWithoutRefusingAnything() throws Exception {
        String a = Registry.newDevice(Registry.newPatient(), 8);
        PGSimpleDataSource gone = new PGSimpleDataSource();
        try (ServerSocket s = new ServerSocket(0)) {
            // A port that was free a moment ago: connections to it are refused (SQLSTATE 08001).
            gone.setUrl("jdbc:postgresql://127.0.0.1:" + s.getLocalPort() + "/osteon_test");
        }
        gone.setConnectTimeout(1);
        Inbound m = new PayloadDecoder(Limits.from(config), TestClock.CLOCK)
                .decode(
                        new DeviceTopics.Address(a, Stream.ACCEL),
                        null,
                        1,
                        1,
                        Batches.accelJson(
                                0, TestClock.CLOCK.instant().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS), 25, 25),
                        System.nanoTime());
        queue.put(m, () -> false);
        SwitchableDataSource dataSource = new SwitchableDataSource(gone);
        start(dataSource);

        await().atMost(config.writerStallAfter().plusSeconds(20))
                .until(() -> writer.health().stalled());
        assertThat(completed).isEmpty();
        assertThat(writer.health().setAsideCount()).isZero();

        dataSource.target = db;
        await().atMost(Duration.ofSeconds(30)).until(() -> !completed.isEmpty());
        assertThat(completed.get(0).outcomes[0]).isEqualTo(Outcome.ACCEPTED);
        assertThat(writer.health().stalled()).isFalse();
    }

    /** The writer's data source, pointed at a database that is gone and then back at the real one. */
    private static final class SwitchableDataSource implements DataSource {
        volatile DataSource target;

        SwitchableDataSource(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return target.getConnection(user, password);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }

    private long count(String sql, String... devices) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < devices.length; i++) {
                ps.setString(i + 1, devices[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
