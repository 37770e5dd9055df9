package org.osteon.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.osteon.support.Tokens.asAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.osteon.engine.RawCodec;
import org.osteon.support.Batches;
import org.osteon.support.DeviceClient;
import org.osteon.support.Registry;
import org.osteon.support.TestClock;

/** Every rule of device contract v1, over the machine's real Mosquitto and PostgreSQL. */
@QuarkusTest
class IngestContractTest {
    static final String BROKER = "tcp://127.0.0.1:1883";

    @Inject
    AgroalDataSource db;

    String deviceId;
    Instant start;
    DeviceClient device;

    @BeforeEach
    void registerDevice() throws Exception {
        deviceId = Registry.newDevice(Registry.newPatient(), 8);
        start = TestClock.CLOCK.instant().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        device = new DeviceClient(BROKER, deviceId);
    }

    @AfterEach
    void close() throws Exception {
        device.close();
    }

    JsonNode awaitReceipt(String stream, Object seq) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> device.receipt(stream, seq), r -> r != null);
    }

    @Test
    void acceptedJsonBatchIsStoredBeforeItsReceiptAndKeepsEverySample() throws Exception {
        float[][] axes = Batches.stillAxes(7, 50);
        device.publishAccel(Batches.accelJson(0, start, 50, axes[0], axes[1], axes[2]));

        JsonNode r = awaitReceipt("accel", 0);
        // Checked as soon as the receipt is here: receipts are sent only after the commit.
        assertThat(count("select count(*) from accel_batch where device_id = ? and seq = 0"))
                .isEqualTo(1);
        assertThat(r.path("status").asText()).isEqualTo("accepted");
        assertThat(r.path("samples").asInt()).isEqualTo(50);
        float[][] stored = storedAxes(0);
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < 50; i++) {
                assertThat(stored[a][i])
                        .isEqualTo(Float.parseFloat(String.format(java.util.Locale.ROOT, "%.3f", axes[a][i])));
            }
        }
    }

    @Test
    void reSentBatchIsADuplicateAndCountedOnce() throws Exception {
        byte[] batch = Batches.accelJson(3, start, 50, 100);
        device.publishAccel(batch);
        awaitReceipt("accel", 3);
        device.publishAccel(batch);
        await().atMost(Duration.ofSeconds(20)).until(() -> device.receiptCount() == 2);

        assertThat(device.receipt("accel", 3).path("status").asText()).isEqualTo("duplicate");
        assertThat(count("select count(*) from accel_batch where device_id = ?"))
                .isEqualTo(1);
        asAdmin()
                .get("/api/v1/devices/" + deviceId + "/sync-status")
                .then()
                .statusCode(200)
                .body("streams[0].batchesAccepted", org.hamcrest.Matchers.is(1))
                .body("streams[0].samplesAccepted", org.hamcrest.Matchers.is(100))
                .body("streams[0].duplicates", org.hamcrest.Matchers.is(1));
    }

    @Test
    void reusedSeqWithOtherContentIsRejectedAndTheFirstVersionStands() throws Exception {
        device.publishAccel(Batches.accelJson(5, start, 50, 100));
        awaitReceipt("accel", 5);
        byte[] other = Batches.accelJson(5, start, 50, 120);
        device.publishAccel(other);
        await().atMost(Duration.ofSeconds(20)).until(() -> device.receiptCount() == 2);

        assertRejected("accel", 5, "seq: 5 was already used with different content", other);
        assertThat(count("select samples from accel_batch where device_id = ? and seq = 5"))
                .isEqualTo(100);
    }

    static Stream<Arguments> invalidAccelBatches() {
        return Stream.of(
                Arguments.of(
                        "malformed JSON",
                        (BiFunction<Long, Instant, String>) (seq, t) -> "{\"seq\":" + seq + ",\"start\":",
                        "payload: malformed JSON"),
                Arguments.of(
                        "missing field",
                        f("{\"seq\":%d,\"start\":\"%s\",\"x\":[0],\"y\":[0],\"z\":[1]}"),
                        "rateHz: missing"),
                Arguments.of(
                        "wrongly typed field",
                        f("{\"seq\":%d,\"start\":\"%s\",\"rateHz\":\"fast\",\"x\":[0],\"y\":[0],\"z\":[1]}"),
                        "rateHz: must be a number"),
                Arguments.of(
                        "wrongly typed sample",
                        f("{\"seq\":%d,\"start\":\"%s\",\"rateHz\":50,\"x\":[0,\"a\"],\"y\":[0,0],\"z\":[1,1]}"),
                        "x[1]: must be a number"),
                Arguments.of(
                        "unequal lengths",
                        f("{\"seq\":%d,\"start\":\"%s\",\"rateHz\":50,\"x\":[0,0,0],\"y\":[0,0],\"z\":[1,1,1]}"),
                        "y: has 2 samples but x has 3"),
                Arguments.of(
                        "empty batch",
                        f("{\"seq\":%d,\"start\":\"%s\",\"rateHz\":50,\"x\":[],\"y\":[],\"z\":[]}"),
                        "x: must hold at least one sample"),
                Arguments.of(
                        "NaN",
                        f("{\"seq\":%d,\"start\":\"%s\",\"rateHz\":50,\"x\":[0,NaN],\"y\":[0,0],\"z\":[1,1]}"),
                        "x[1]: must be a finite number"),
                Arguments.of(
                        "Infinity",
                        f("{\"seq\":%d,\"start\":\"%s\",\"rateHz\":50,\"x\":[0,0],\"y\":[0,1e999],\"z\":[1,1]}"),
                        "y[1]: must be a finite number"),
                Arguments.of(
                        "beyond the device's range",
                        f("{\"seq\":%d,\"start\":\"%s\",\"rateHz\":50,\"x\":[0,0],\"y\":[0,0],\"z\":[1,-9.5]}"),
                        "z[1]: |9.5| g is beyond the device's range of 8.0 g"),
                Arguments.of(
                        "rate too high",
                        f("{\"seq\":%d,\"start\":\"%s\",\"rateHz\":1600,\"x\":[0],\"y\":[0],\"z\":[1]}"),
                        "rateHz: must be between 1 and 1000"),
                Arguments.of(
                        "rate zero",
                        f("{\"seq\":%d,\"start\":\"%s\",\"rateHz\":0,\"x\":[0],\"y\":[0],\"z\":[1]}"),
                        "rateHz: must be between 1 and 1000"),
                Arguments.of(
                        "start far in the future",
                        (BiFunction<Long, Instant, String>) (seq, t) -> String.format(
                                "{\"seq\":%d,\"start\":\"%s\",\"rateHz\":50,\"x\":[0],\"y\":[0],\"z\":[1]}",
                                seq, t.plus(Duration.ofHours(25))),
                        "start: more than 24 h in the future"),
                Arguments.of(
                        "start before registration",
                        (BiFunction<Long, Instant, String>) (seq, t) -> String.format(
                                "{\"seq\":%d,\"start\":\"%s\",\"rateHz\":50,\"x\":[0],\"y\":[0],\"z\":[1]}",
                                seq, t.minus(Duration.ofDays(2))),
                        "before the device was registered"),
                Arguments.of(
                        "start not an instant",
                        f("{\"seq\":%d,\"start\":\"yesterday %s\",\"rateHz\":50,\"x\":[0],\"y\":[0],\"z\":[1]}"),
                        "start: must be an ISO-8601 instant"),
                Arguments.of(
                        "negative seq",
                        (BiFunction<Long, Instant, String>) (seq, t) ->
                                "{\"seq\":-1,\"start\":\"" + t + "\",\"rateHz\":50,\"x\":[0],\"y\":[0],\"z\":[1]}",
                        "seq: must be >= 0"),
                Arguments.of(
                        "another device's id",
                        (BiFunction<Long, Instant, String>)
                                (seq, t) -> "{\"seq\":" + seq + ",\"deviceId\":\"someone-else\",\"start\":\"" + t
                                        + "\",\"rateHz\":50,\"x\":[0],\"y\":[0],\"z\":[1]}",
                        "deviceId: 'someone-else' does not match the device of the topic"));
    }

    private static BiFunction<Long, Instant, String> f(String format) {
        return (seq, t) -> String.format(format, seq, t);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAccelBatches")
    void invalidAccelBatchIsRejectedNamingTheFieldAndWritesOnlyItsRejection(
            String rule, BiFunction<Long, Instant, String> payload, String reason) throws Exception {
        byte[] bytes = payload.apply(11L, start).getBytes(StandardCharsets.UTF_8);
        device.publishAccel(bytes);
        // A malformed payload still gets its seq back when it can be read before the error.
        Object seq = rule.equals("negative seq") ? "null" : 11;
        awaitReceipt("accel", seq);
        assertRejected("accel", seq, reason, bytes);
    }

    @Test
    void batchOverTheSizeLimitIsRejected() throws Exception {
        int n = 400_001;
        byte[] frame = BinaryFrame.encode(
                2, start, 100, 4096, new short[][] {new short[n], new short[n], new short[n]}, BinaryFrame.PLAIN);
        device.publishAccel(frame);
        awaitReceipt("accel", 2);
        assertRejected("accel", 2, "x: more than 400000 samples", frame);

        byte[] huge = new byte[16 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        device.publishAccel(huge);
        awaitReceipt("accel", "null");
        assertRejected("accel", "null", "payload: 16777217 bytes exceeds the limit of 16777216", huge);
    }

    @Test
    void unregisteredDeviceIsRejectedAndItsMessagesAreCountedNotStored() throws Exception {
        String stranger = "unregistered-" + System.nanoTime();
        try (DeviceClient unknown = new DeviceClient(BROKER, stranger)) {
            for (int seq = 1; seq <= 3; seq++) {
                unknown.publishAccel(Batches.accelJson(seq, start, 50, 10));
            }
            JsonNode r =
                    await().atMost(Duration.ofSeconds(20)).until(() -> unknown.receipt("accel", 3), x -> x != null);
            assertThat(r.path("status").asText()).isEqualTo("rejected");
            assertThat(r.path("reason").asText()).isEqualTo("device: '" + stranger + "' is not registered");
            // An open broker lets anyone publish under any id: one row per id, not per message.
            assertThat(count("select count(*) from ingest_rejection where device_id = ?", stranger))
                    .isZero();
            assertThat(count(
                            "select messages from ingest_unregistered where device_id = ? "
                                    + "and last_reason_code = 'unknown_device' and last_stream = 'accel'",
                            stranger))
                    .isEqualTo(3);
        }
    }

    @Test
    void aNulInAnUnregisteredDevicesEventHoldsBackNoOtherDevice() throws Exception {
        String stranger = "no-such-device-" + System.nanoTime();
        try (DeviceClient unknown = new DeviceClient(BROKER, stranger)) {
            // The message that once stopped ingest for every device, even after a restart.
            unknown.publishLoad(("{\"seq\":1,\"events\":[{\"t\":\"" + start + "\",\"kind\":\"\\u0000\","
                            + "\"peakBw\":2,\"cycles\":3}]}")
                    .getBytes(StandardCharsets.UTF_8));
            device.publishAccel(Batches.accelJson(11, start, 50, 10));
            assertThat(awaitReceipt("accel", 11).path("status").asText()).isEqualTo("accepted");
            JsonNode r = await().atMost(Duration.ofSeconds(20)).until(() -> unknown.receipt("load", 1), x -> x != null);
            assertThat(r.path("reason").asText())
                    .contains("events[0].kind: holds U+0000 at position 0")
                    .doesNotContain("\u0000");
            assertThat(count(
                            "select messages from ingest_unregistered where device_id = ? "
                                    + "and last_reason_code = 'invalid_text'",
                            stranger))
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controlCharacters")
    void controlCharactersInAnyTextFieldAreRefusedNamingTheField(
            String field, String stream, byte[] payload, String reason) throws Exception {
        device.publish(stream, payload);
        awaitReceipt(stream, 21);
        assertRejected(stream, 21, reason, payload);
        assertThat(device.receipt(stream, 21).path("reason").asText())
                .doesNotContain("\u0000")
                .doesNotContain("\u0007");
    }

    static Stream<Arguments> controlCharacters() {
        Instant t = TestClock.CLOCK.instant().truncatedTo(ChronoUnit.SECONDS);
        return Stream.of(
                Arguments.of(
                        "deviceId",
                        "accel",
                        ("{\"seq\":21,\"deviceId\":\"dev\\u0000x\",\"start\":\"" + t
                                        + "\",\"rateHz\":50,\"x\":[0],\"y\":[0],\"z\":[1]}")
                                .getBytes(StandardCharsets.UTF_8),
                        "deviceId: holds U+0000 at position 3"),
                Arguments.of(
                        "exercise",
                        "load",
                        ("{\"seq\":21,\"events\":[{\"t\":\"" + t + "\",\"kind\":\"resistance\","
                                        + "\"exercise\":\"squat\\u0000\",\"sets\":3,\"reps\":5,\"loadKg\":40}]}")
                                .getBytes(StandardCharsets.UTF_8),
                        "events[0].exercise: holds U+0000 at position 5"),
                Arguments.of(
                        "bell",
                        "load",
                        ("{\"seq\":21,\"events\":[{\"t\":\"" + t + "\",\"kind\":\"gr\\u0007f\","
                                        + "\"peakBw\":2,\"cycles\":3}]}")
                                .getBytes(StandardCharsets.UTF_8),
                        "events[0].kind: holds U+0007 at position 2"),
                Arguments.of(
                        "lone surrogate",
                        "load",
                        ("{\"seq\":21,\"deviceId\":\"\\ud800\",\"events\":[{\"t\":\"" + t
                                        + "\",\"kind\":\"grf\",\"peakBw\":2,\"cycles\":3}]}")
                                .getBytes(StandardCharsets.UTF_8),
                        "deviceId: holds U+D800 at position 0"));
    }

    @Test
    void aHugeClaimedDeviceIdIsRefusedWithoutBeingEchoedOrStored() throws Exception {
        String huge = "d".repeat(100_000);
        byte[] payload = ("{\"seq\":31,\"deviceId\":\"" + huge + "\",\"start\":\"" + start
                        + "\",\"rateHz\":50,\"x\":[0],\"y\":[0],\"z\":[1]}")
                .getBytes(StandardCharsets.UTF_8);
        device.publishAccel(payload);
        awaitReceipt("accel", 31);
        assertRejected("accel", 31, "deviceId: 100000 characters, at most 64", payload);
        assertThat(device.receipt("accel", 31).toString().length()).isLessThan(400);
        assertThat(count("select max(length(reason)) from ingest_rejection where device_id = ?"))
                .isLessThan(200);
    }

    @Test
    void aBatchWhoseEndRunsMoreThanADayAheadIsRefusedThoughItsStartIsNot() throws Exception {
        // 100,000 samples at 1 Hz from now: the start is fine, the last sample lies 27.8 h ahead.
        byte[] payload = Batches.accelJson(41, start, 1, 100_000);
        device.publishAccel(payload);
        awaitReceipt("accel", 41);
        assertRejected("accel", 41, "x: the last of 100000 samples at 1.0 Hz falls at", payload);
        assertThat(device.receipt("accel", 41).path("reason").asText()).contains("more than 24 h in the future");
    }

    @Test
    void aTopicWhoseIdCouldNeverBeRegisteredIsCountedUnderOneRow() throws Exception {
        long before = count(
                "select coalesce(max(messages), 0) from ingest_unregistered where device_id = ?", DeviceIds.INVALID);
        device.publishAs("x", "accel", Batches.accelJson(1, start, 50, 10));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count(
                                "select coalesce(max(messages), 0) from " + "ingest_unregistered where device_id = ?",
                                DeviceIds.INVALID)
                        == before + 1);
    }

    @Test
    void unknownEventKindIsRejectedNotIgnored() throws Exception {
        byte[] bytes = ("{\"seq\":4,\"events\":[{\"t\":\"" + start + "\",\"kind\":\"grf\",\"peakBw\":2.5,\"cycles\":3},"
                        + "{\"t\":\"" + start + "\",\"kind\":\"yoga\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        device.publishLoad(bytes);
        awaitReceipt("load", 4);
        assertRejected("load", 4, "events[1].kind: unknown kind 'yoga'", bytes);
        assertThat(count("select count(*) from load_event where device_id = ?")).isZero();
    }

    @Test
    void invalidEventFieldIsNamed() throws Exception {
        byte[] bytes = ("{\"seq\":6,\"events\":[{\"t\":\"" + start + "\",\"kind\":\"grf\",\"peakBw\":0,\"cycles\":3}]}")
                .getBytes(StandardCharsets.UTF_8);
        device.publishLoad(bytes);
        awaitReceipt("load", 6);
        assertRejected("load", 6, "events[0].peakBw: must be > 0", bytes);
    }

    @Test
    void loadingEventsAreStoredAsRows() throws Exception {
        device.publishLoad(Batches.loadJson(0, start));
        JsonNode r = awaitReceipt("load", 0);
        assertThat(r.path("status").asText()).isEqualTo("accepted");
        assertThat(r.path("events").asInt()).isEqualTo(2);
        assertThat(count("select count(*) from load_event where device_id = ? and kind = 'resistance' and sets = 5 "
                        + "and reps = 5 and load_kg = 60 and one_rm_kg = 72.5"))
                .isEqualTo(1);
        assertThat(count("select count(*) from load_event where device_id = ? and kind = 'grf' and peak_bw = 3.4 "
                        + "and cycles = 30"))
                .isEqualTo(1);
    }

    @Test
    void binaryFramesOfBothEncodingsAreStoredAsSent() throws Exception {
        short[][] counts = new short[3][500];
        for (int i = 0; i < 500; i++) {
            counts[0][i] = (short) (200 * Math.sin(i / 7.0));
            counts[1][i] = (short) (-100 + i % 13);
            counts[2][i] = (short) (4096 + 300 * Math.cos(i / 5.0));
        }
        device.publishAccel(BinaryFrame.encode(0, start, 100, 4096, counts, BinaryFrame.PLAIN));
        device.publishAccel(BinaryFrame.encode(1, start.plusSeconds(5), 100, 4096, counts, BinaryFrame.DELTA));
        assertThat(awaitReceipt("accel", 0).path("samples").asInt()).isEqualTo(500);
        assertThat(awaitReceipt("accel", 1).path("samples").asInt()).isEqualTo(500);
        for (long seq = 0; seq <= 1; seq++) {
            float[][] stored = storedAxes(seq);
            for (int a = 0; a < 3; a++) {
                for (int i = 0; i < 500; i++) {
                    assertThat(stored[a][i]).isEqualTo(counts[a][i] / 4096f);
                }
            }
        }
    }

    @Test
    void truncatedFrameIsRejected() throws Exception {
        byte[] frame = BinaryFrame.encode(8, start, 100, 4096, new short[3][10], BinaryFrame.PLAIN);
        byte[] cut = java.util.Arrays.copyOf(frame, frame.length - 3);
        device.publishAccel(cut);
        awaitReceipt("accel", 8);
        assertRejected("accel", 8, "frame: truncated", cut);
    }

    @Test
    void anHourAt100HzIsAcceptedAsJsonAndAsAFrame() throws Exception {
        int n = 360_000;
        device.publishAccel(Batches.accelJson(0, start, 100, n));
        short[][] counts = new short[3][n];
        java.util.Arrays.fill(counts[2], (short) 4096);
        device.publishAccel(BinaryFrame.encode(1, start.plusSeconds(3600), 100, 4096, counts, BinaryFrame.PLAIN));
        assertThat(await().atMost(Duration.ofSeconds(60))
                        .until(() -> device.receipt("accel", 0), x -> x != null)
                        .path("samples")
                        .asInt())
                .isEqualTo(n);
        assertThat(await().atMost(Duration.ofSeconds(60))
                        .until(() -> device.receipt("accel", 1), x -> x != null)
                        .path("samples")
                        .asInt())
                .isEqualTo(n);
    }

    @Test
    void syncStatusReportsTotalsAndSeqGaps() throws Exception {
        for (long seq : new long[] {0, 1, 2, 5, 6, 9}) {
            device.publishAccel(Batches.accelJson(seq, start.plusSeconds(seq), 50, 50));
        }
        device.publishAccel(Batches.accelJson(2, start.plusSeconds(2), 50, 50));
        device.publishAccel("{".getBytes(StandardCharsets.UTF_8));
        device.publishLoad(Batches.loadJson(0, start));
        await().atMost(Duration.ofSeconds(20)).until(() -> device.receiptCount() == 9);

        asAdmin()
                .get("/api/v1/devices/" + deviceId + "/sync-status")
                .then()
                .statusCode(200)
                .body("streams[0].stream", org.hamcrest.Matchers.is("accel"))
                .body("streams[0].lastSeq", org.hamcrest.Matchers.is(9))
                .body("streams[0].batchesAccepted", org.hamcrest.Matchers.is(6))
                .body("streams[0].samplesAccepted", org.hamcrest.Matchers.is(300))
                .body("streams[0].duplicates", org.hamcrest.Matchers.is(1))
                .body("streams[0].rejections", org.hamcrest.Matchers.is(1))
                .body("streams[0].missingSeqs", org.hamcrest.Matchers.is(4))
                .body("streams[0].gaps.from", org.hamcrest.Matchers.contains(3, 7))
                .body("streams[0].gaps.to", org.hamcrest.Matchers.contains(4, 8))
                .body("streams[0].lastReceiptAt", org.hamcrest.Matchers.notNullValue())
                .body("streams[0].lastAcceptedAt", org.hamcrest.Matchers.notNullValue())
                .body("streams[0].lastRejection.code", org.hamcrest.Matchers.is("malformed"))
                .body("streams[0].lastRejection.reason", org.hamcrest.Matchers.containsString("malformed JSON"))
                .body("streams[0].lastRejection.receivedAt", org.hamcrest.Matchers.notNullValue())
                .body("streams[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("eventsAccepted")))
                // Loading events are counted as events, not samples.
                .body("streams[1].stream", org.hamcrest.Matchers.is("load"))
                .body("streams[1].batchesAccepted", org.hamcrest.Matchers.is(1))
                .body("streams[1].eventsAccepted", org.hamcrest.Matchers.is(2))
                .body("streams[1]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("samplesAccepted")))
                .body("streams[1].lastRejection", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aDeviceErasedWhileItSendsIsRefusedAsUnknownAndHoldsBackNoOther() throws Exception {
        String patient = Registry.newPatient();
        String erasedId = Registry.newDevice(patient, 8);
        try (DeviceClient erased = new DeviceClient(BROKER, erasedId)) {
            erased.publishAccel(Batches.accelJson(1, start, 50, 10));
            await().atMost(Duration.ofSeconds(20)).until(() -> erased.receipt("accel", 1), x -> x != null);
            asAdmin().delete("/api/v1/patients/" + patient).then().statusCode(204);

            // Ingest still holds the device in its cache: the ledger's foreign key refuses its next batch.
            erased.publishAccel(Batches.accelJson(2, start.plusSeconds(1), 50, 10));
            device.publishAccel(Batches.accelJson(51, start, 50, 10));
            JsonNode other =
                    await().atMost(Duration.ofSeconds(5)).until(() -> device.receipt("accel", 51), x -> x != null);
            assertThat(other.path("status").asText()).isEqualTo("accepted");
            JsonNode r = await().atMost(Duration.ofSeconds(5)).until(() -> erased.receipt("accel", 2), x -> x != null);
            assertThat(r.path("reason").asText()).isEqualTo("device: '" + erasedId + "' is not registered");
        }
    }

    @Test
    void syncStatusOfTheWidestSeqRangeAnswers() throws Exception {
        device.publishAccel(Batches.accelJson(0, start, 50, 5));
        device.publishAccel(Batches.accelJson(Long.MAX_VALUE, start.plusSeconds(1), 50, 5));
        await().atMost(Duration.ofSeconds(20)).until(() -> device.receiptCount() == 2);

        String missing = asAdmin()
                .get("/api/v1/devices/" + deviceId + "/sync-status")
                .then()
                .statusCode(200)
                .body("streams[0].gaps.from", org.hamcrest.Matchers.contains(1))
                .extract()
                .jsonPath()
                .getString("streams[0].missingSeqs");
        assertThat(missing).isEqualTo(String.valueOf(Long.MAX_VALUE - 1));
    }

    @Test
    void outcomesAreCountedInMetrics() throws Exception {
        device.publishAccel(Batches.accelJson(0, start, 50, 50));
        device.publishAccel("{\"seq\":1}".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(20)).until(() -> device.receiptCount() == 2);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString(
                        "osteon_ingest_batches_total{outcome=\"accepted\",reason=\"none\",stream=\"accel\"}"))
                .body(containsString(
                        "osteon_ingest_batches_total{outcome=\"rejected\",reason=\"missing_field\",stream=\"accel\"}"))
                .body(containsString(
                        "osteon_ingest_samples_total{outcome=\"accepted\",reason=\"none\",stream=\"accel\"}"))
                .body(containsString("osteon_ingest_latency_seconds_bucket"));
    }

    private void assertRejected(String stream, Object seq, String reason, byte[] payload) throws Exception {
        JsonNode r = device.receipt(stream, seq);
        assertThat(r.path("status").asText()).isEqualTo("rejected");
        assertThat(r.path("reason").asText()).contains(reason);
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(payload);
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select reason, payload_bytes, payload_sha256 from "
                        + "ingest_rejection where device_id = ? and stream = ? order by id desc limit 1")) {
            ps.setString(1, deviceId);
            ps.setString(2, stream);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).contains(reason);
                assertThat(rs.getInt(2)).isEqualTo(payload.length);
                assertThat(rs.getBytes(3)).isEqualTo(sha);
            }
        }
        if (!"null".equals(String.valueOf(seq)) && !reason.startsWith("seq: ")) {
            assertThat(count("select count(*) from ingest_batch where device_id = ? and seq = " + seq))
                    .isZero();
        }
    }

    private long count(String sql) throws Exception {
        return count(sql, deviceId);
    }

    private long count(String sql, String id) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private float[][] storedAxes(long seq) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select samples, encoding, scale, data from accel_batch where device_id = ? and seq = ?")) {
            ps.setString(1, deviceId);
            ps.setLong(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                int n = rs.getInt(1);
                float[][] out = new float[3][n];
                if (rs.getShort(2) == RawCodec.PACKED) {
                    RawCodec.decode(rs.getBytes(4), n, rs.getDouble(3), 0, n, out[0], out[1], out[2]);
                    return out;
                }
                ByteBuffer b = ByteBuffer.wrap(rs.getBytes(4)).order(ByteOrder.LITTLE_ENDIAN);
                for (int a = 0; a < 3; a++) {
                    for (int i = 0; i < n; i++) {
                        out[a][i] = rs.getShort(2) == 1 ? b.getShort() / (float) rs.getDouble(3) : b.getFloat();
                    }
                }
                return out;
            }
        }
    }
}
