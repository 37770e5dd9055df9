package org.osteon.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.osteon.support.Batches;
import org.osteon.support.DeviceClient;
import org.osteon.support.OwnBrokerResource;
import org.osteon.support.Registry;
import org.osteon.support.TestClock;

/** Raw data lives in month partitions; expired months are dropped whole, the ledger stays. */
@QuarkusTest
@QuarkusTestResource(value = OwnBrokerResource.class, restrictToAnnotatedClass = true)
class RawDataRetentionTest {
    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    @Inject
    AgroalDataSource db;

    @Inject
    RawDataRetention retention;

    @Test
    void ingestWritesIntoTheCurrentMonthPartitionUnchanged() throws Exception {
        String deviceId = Registry.newDevice(Registry.newPatient(), 8);
        try (DeviceClient device = new DeviceClient(OwnBrokerResource.uri(), deviceId)) {
            device.publishAccel(Batches.accelJson(
                    0, TestClock.CLOCK.instant().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS), 50, 50));
            device.publishLoad(Batches.loadJson(0, TestClock.CLOCK.instant().truncatedTo(ChronoUnit.MILLIS)));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> device.hasReceipt("accel", 0) && device.hasReceipt("load", 0));
            assertThat(device.receipt("accel", 0L).path("status").asText()).isEqualTo("accepted");
            assertThat(device.receipt("load", 0L).path("status").asText()).isEqualTo("accepted");
        }
        String month = LocalDate.now(TestClock.CLOCK.withZone(ZoneOffset.UTC)).format(MONTH);
        assertThat(text("select tableoid::regclass::text from accel_batch where device_id = '" + deviceId + "'"))
                .isEqualTo("accel_batch_p" + month);
        assertThat(text("select tableoid::regclass::text from load_event where device_id = '" + deviceId + "'"))
                .isEqualTo("load_event_p" + month);
    }

    @Test
    void expiredMonthsAreDroppedWholeWhileTheLedgerAndRecentDataStay() throws Exception {
        String deviceId = Registry.newDevice(Registry.newPatient(), 8);
        Instant now = Instant.parse("2019-06-15T12:00:00Z");
        Instant old = Instant.parse("2017-03-10T08:00:00Z");
        Instant recent = Instant.parse("2019-05-02T08:00:00Z");
        Instant ancient = Instant.parse("2001-01-01T00:00:00Z"); // no month partition: lands in the default one
        // Times in the past, so that dropping "expired" months never touches this month's partition.
        exec("select osteon_ensure_month_partitions('accel_batch', date '2017-03-01', date '2019-05-01')");
        exec("select osteon_ensure_month_partitions('load_event', date '2017-03-01', date '2019-05-01')");
        rawBatch(deviceId, 1, old);
        rawBatch(deviceId, 2, recent);
        rawBatch(deviceId, 3, ancient);

        var report = retention.run(now, Optional.of(now.minus(Duration.ofDays(400))));

        assertThat(report.ran()).isTrue();
        assertThat(report.partitionsDropped())
                .contains("accel_batch_p201703", "load_event_p201703")
                .doesNotContain("accel_batch_p201905", "load_event_p201905");
        assertThat(report.partitionsDropped()).allMatch(p -> p.compareTo(p.replaceAll("\\d{6}$", "") + "201805") < 0);
        assertThat(count("select count(*) from pg_class where relname = 'accel_batch_p201703'"))
                .isZero();
        assertThat(count("select count(*) from accel_batch where device_id = '" + deviceId + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from load_event where device_id = '" + deviceId + "'"))
                .isEqualTo(1);
        assertThat(count("select seq from accel_batch where device_id = '" + deviceId + "'"))
                .isEqualTo(2);
        assertThat(report.defaultRowsDeleted()).isGreaterThanOrEqualTo(2);
        // The ledger keeps every batch, so a re-sent expired batch is still a duplicate.
        assertThat(count("select count(*) from ingest_batch where device_id = '" + deviceId + "'"))
                .isEqualTo(6);
        // Partitions for the coming months are ready.
        assertThat(count(
                        "select count(*) from pg_class where relname in ('accel_batch_p201909', 'load_event_p201909')"))
                .isEqualTo(2);
    }

    @Test
    void withoutARetentionSettingNothingIsDropped() throws Exception {
        exec("select osteon_ensure_month_partitions('accel_batch', date '2020-01-01', date '2020-01-01')");
        var report = retention.run(Instant.parse("2020-01-01T00:00:00Z"), Optional.empty());
        assertThat(report.partitionsDropped()).isEmpty();
        assertThat(count("select count(*) from pg_class where relname = 'accel_batch_p202001'"))
                .isEqualTo(1);
    }

    private void rawBatch(String deviceId, long seq, Instant at) throws SQLException {
        try (Connection c = db.getConnection()) {
            for (String stream : new String[] {"accel", "load"}) {
                try (PreparedStatement ps = c.prepareStatement("insert into ingest_batch (device_id, stream, seq, "
                        + "content_hash, samples, received_at) values (?, ?, ?, '\\x00', 1, now())")) {
                    ps.setString(1, deviceId);
                    ps.setString(2, stream);
                    ps.setLong(3, seq);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into accel_batch (device_id, seq, start_at, rate_hz, "
                            + "samples, encoding, scale, data) values (?, ?, ?, 50, 1, 2, null, '\\x000000000000000000000000')")) {
                ps.setString(1, deviceId);
                ps.setLong(2, seq);
                ps.setTimestamp(3, Timestamp.from(at));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into load_event (device_id, seq, idx, t, kind, peak_bw, cycles) values (?, ?, 0, ?, 'grf', 2, 10)")) {
                ps.setString(1, deviceId);
                ps.setLong(2, seq);
                ps.setTimestamp(3, Timestamp.from(at));
                ps.executeUpdate();
            }
        }
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = db.getConnection();
                var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection c = db.getConnection();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
