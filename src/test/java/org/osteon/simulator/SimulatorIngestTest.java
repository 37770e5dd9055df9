package org.osteon.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.osteon.support.TestClock;

/**
 * The simulator against the real service (in-process) and a real Mosquitto: registration over
 * REST, live 1-s batches, an offline period re-synced in bulk and out of order, loading events,
 * and re-sends when receipts are lost in a broker restart.
 */
@QuarkusTest
@WithTestResource(SimulatorBroker.class)
class SimulatorIngestTest {
    static final int SECONDS = 300;

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource db;

    RegistryClient registry() {
        return new RegistryClient(URI.create(base.toString()), org.osteon.support.Tokens.admin());
    }

    /**
     * Five minutes on foot with a jump set, offline from 1:10 to 3:10 (so one 2-min bulk batch, sent
     * after the first live second that follows), insole peaks while offline and a gym set after.
     */
    static DayPlan fiveMinutes(Instant start) {
        return new DayPlan(
                start,
                List.of(
                        new Segment(Activity.WALKING, 0, 60, 0), new Segment(Activity.JUMPS, 60, 60, 4.75),
                        new Segment(Activity.RUNNING, 120, 60, 0), new Segment(Activity.SITTING, 180, 120, 0)),
                List.of(new DayPlan.Offline(70, 120)),
                List.of(new LoadEvent.Grf(130, 2.5, 140), new LoadEvent.Resistance(250, "squat", 3, 8, 30, 50)));
    }

    List<String> registerDevices(int n) throws Exception {
        String patient =
                registry().createPatient("Sim " + UUID.randomUUID().toString().substring(0, 8), "UTC", 70);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "sim-" + UUID.randomUUID().toString().substring(0, 12);
            registry().registerDevice(patient, id, "wrist", 16, "osteon-sim");
            ids.add(id);
        }
        return ids;
    }

    JsonNode stream(String deviceId, String stream) throws Exception {
        for (JsonNode s : registry().syncStatus(deviceId).path("streams")) {
            if (s.path("stream").asText().equals(stream)) {
                return s;
            }
        }
        throw new AssertionError("no " + stream + " stream in the sync status of " + deviceId);
    }

    void assertSyncStatusMatches(RunReport report) throws Exception {
        for (DeviceReport d : report.devices()) {
            JsonNode accel = stream(d.deviceId(), "accel");
            assertThat(accel.path("batchesAccepted").asLong())
                    .as("accel batches of %s", d.deviceId())
                    .isEqualTo(d.accelBatches());
            assertThat(accel.path("samplesAccepted").asLong())
                    .isEqualTo(d.accelSamples())
                    .isEqualTo(SECONDS * 50L);
            assertThat(accel.path("missingSeqs").asLong()).isZero();
            assertThat(accel.path("rejections").asLong()).isZero();
            JsonNode load = stream(d.deviceId(), "load");
            assertThat(load.path("batchesAccepted").asLong())
                    .isEqualTo(d.loadBatches())
                    .isEqualTo(2);
        }
    }

    @Test
    void everyBatchOfALiveAndBulkResyncedRunIsAcceptedOnceAndCountedInSyncStatus() throws Exception {
        List<String> ids = registerDevices(3);
        Instant start = TestClock.CLOCK.instant().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        RunReport report;
        try (Simulation sim = new Simulation(
                SimulationOptions.fastest(SimulatorBroker.broker().uri()), TestClock.CLOCK)) {
            for (int i = 0; i < ids.size(); i++) {
                sim.addDevice(ids.get(i), i, List.of(fiveMinutes(start)));
            }
            report = sim.run(start, start.plusSeconds(SECONDS));
            GroundTruth truth = sim.truths(ids.get(0)).get(0);
            assertThat(truth.band("high")).as("jumps in the ground truth").isPositive();
        }

        assertThat(report.everyBatchAcceptedOnce()).as("%s", report).isTrue();
        assertThat(report.total(DeviceReport::duplicates)).isZero();
        // 180 live seconds and one re-sync batch of the 120 offline seconds.
        assertThat(report.devices())
                .allSatisfy(d -> assertThat(d.accelBatches()).isEqualTo(181));
        assertSyncStatusMatches(report);
        for (String id : ids) {
            assertBulkResyncStored(id, start);
        }
    }

    /** Seqs 0–69 live, 70 the two offline minutes in one batch, 71 on the first seconds back online. */
    void assertBulkResyncStored(String deviceId, Instant start) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "select seq, start_at, samples from accel_batch where device_id = ? and samples > 50")) {
            q.setString(1, deviceId);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as("a bulk batch of %s", deviceId).isTrue();
                assertThat(rs.getLong("seq")).isEqualTo(70);
                assertThat(rs.getTimestamp("start_at").toInstant()).isEqualTo(start.plusSeconds(70));
                assertThat(rs.getInt("samples")).isEqualTo(120 * 50);
                assertThat(rs.next()).as("only one bulk batch").isFalse();
            }
        }
    }

    @Test
    void batchesCaughtInABrokerRestartAreResentUntilEachIsStoredExactlyOnce() throws Exception {
        List<String> ids = registerDevices(2);
        Instant start = TestClock.CLOCK.instant().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        SimulationOptions options = SimulationOptions.fastest(
                        SimulatorBroker.broker().uri())
                // 10x: the run lasts 30 s, so the restart lands mid-run even when a loaded machine's
                // ingest takes many seconds to accept the first 20 batches (at 30x it once came after the last).
                .withFormat(PayloadFormat.BINARY)
                .withSpeed(10)
                .withConnections(2)
                .withReceiptTimeout(Duration.ofSeconds(3));
        try (Simulation sim = new Simulation(options, TestClock.CLOCK)) {
            for (int i = 0; i < ids.size(); i++) {
                sim.addDevice(ids.get(i), i, List.of(fiveMinutes(start)));
            }
            CompletableFuture<RunReport> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return sim.run(start, start.plusSeconds(SECONDS));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            stream(ids.get(0), "accel").path("batchesAccepted").asLong() >= 20);
            SimulatorBroker.broker().stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> !serviceReady());
            SimulatorBroker.broker().start();
            RunReport report = run.get(120, TimeUnit.SECONDS);

            assertThat(report.total(DeviceReport::unreceipted)).as("%s", report).isZero();
            assertThat(report.total(DeviceReport::resends)).isPositive();
            assertThat(report.total(DeviceReport::rejected)).isZero();
            assertSyncStatusMatches(report);
        }
    }

    boolean serviceReady() throws Exception {
        HttpResponse<Void> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base.toString()).resolve("/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        return r.statusCode() == 200;
    }
}
