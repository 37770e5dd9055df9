package org.osteon.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.osteon.support.Tokens.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.program.Component;
import org.osteon.simulator.Activity;
import org.osteon.simulator.DayPlan;
import org.osteon.simulator.Segment;
import org.osteon.simulator.SignalGenerator;
import org.osteon.support.Batches;
import org.osteon.support.Clinic;
import org.osteon.support.DeviceClient;
import org.osteon.support.EngineFixtures;
import org.osteon.support.Registry;
import org.osteon.support.Tokens;

/**
 * A watch learns how today is going on its {@code progress} topic (docs/device-contract.md §8),
 * over the machine's Mosquitto and PostgreSQL: the numbers are those of {@code /days} and
 * {@code /adherence}, every active device of the patient gets them, nobody else does, and the
 * retained copy goes when a device is revoked.
 */
@QuarkusTest
class DeviceProgressTest {
    static final int RATE_HZ = 25;
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Jdbc jdbc;

    final List<MqttClient> clients = new ArrayList<>();

    /** A message seen by a subscriber. */
    record Seen(String topic, byte[] payload, boolean retained) {
        JsonNode json() {
            try {
                return JSON.readTree(payload);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @AfterEach
    void disconnect() throws MqttException {
        for (MqttClient c : clients) {
            if (c.isConnected()) {
                c.disconnectForcibly(0, 1_000);
            }
            c.close();
        }
    }

    @Test
    void everyActiveDeviceOfThePatientGetsTodaysNumbersAsStoredAndNoOneElseDoes() throws Exception {
        EngineFixtures.Patient p = EngineFixtures.newPatient(jdbc);
        String secondWatch = Registry.newDevice(p.id(), 16);
        String revoked = Registry.newDevice(p.id(), 16);
        Tokens.asAdmin().post("/api/v1/devices/" + revoked + "/revoke").then().statusCode(200);
        EngineFixtures.Patient other = EngineFixtures.newPatient(jdbc);
        Clinic.prescribe(
                p.physio(),
                p.id(),
                Map.of(
                        "reason",
                        "osteopenia",
                        "components",
                        List.of(
                                Map.of("kind", "impacts", "minG", 4.2, "count", 20, "per", "day"),
                                Map.of("kind", "mvpa", "minutesPerWeek", 140, "boutMinutes", 10),
                                Map.of("kind", "steps", "stepsPerDay", 6000, "daysPerWeek", 5))));
        List<Seen> seen = new CopyOnWriteArrayList<>();
        subscribe(seen, progress(p.deviceId()), progress(secondWatch), progress(revoked), progress(other.deviceId()));

        LocalDate today = EngineFixtures.today();
        Instant start = today.atTime(10, 0).atZone(EngineFixtures.VIENNA).toInstant();
        EngineFixtures.publish(p.deviceId(), morningWorkout(start));
        await().atMost(EngineFixtures.SCORED).until(() -> dirtyDays(p.id()) == 0 && scored(p.id(), today));

        JsonPath day = as(p.physio().token())
                .queryParam("from", today.toString())
                .queryParam("to", today.toString())
                .get("/api/v1/patients/" + p.id() + "/days")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath adherence = as(p.physio().token())
                .queryParam("from", today.toString())
                .queryParam("to", today.toString())
                .get("/api/v1/patients/" + p.id() + "/adherence")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        int impacts = day.getInt("[0].impactsAtOrAbove.'4.2'");
        double bouted = day.getDouble("[0].mvpaBoutedMinutes.min10");
        assertThat(impacts).as("the jump set's landings at 4.75 g").isGreaterThan(20);
        assertThat(bouted).as("brisk walk and run, one 20-min bout").isBetween(19.0, 21.0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode last = last(seen, p.deviceId());
            assertThat(last).isNotNull();
            assertThat(last.path("v").asInt()).isEqualTo(1);
            assertThat(last.path("date").asText()).isEqualTo(today.toString());
            assertThat(last.path("impacts").asInt()).isEqualTo(impacts).isEqualTo((int)
                    adherence.getDouble("[0].components.find { it.kind == 'impacts' }.achieved"));
            assertThat(last.path("impactsMinG").asDouble()).isEqualTo(4.2);
            assertThat(last.path("impactsTarget").asInt()).isEqualTo(20);
            // Adherence rounds to three decimals, and so does the message.
            assertThat(last.path("mvpaMin").asDouble())
                    .isCloseTo(bouted, org.assertj.core.api.Assertions.within(5e-4))
                    .isEqualTo(adherence.getDouble("[0].components.find { it.kind == 'mvpa' }.achieved"));
            assertThat(last.path("mvpaBoutMin").asInt()).isEqualTo(10);
            assertThat(last.path("mvpaTarget").asDouble())
                    .isEqualTo(adherence.getDouble("[0].components.find { it.kind == 'mvpa' }.target"))
                    .isEqualTo(20.0);
            assertThat(last.path("steps").asInt())
                    .isEqualTo(day.getInt("[0].steps"))
                    .isPositive();
            assertThat(last.path("stepsTarget").asInt()).isEqualTo(6000);
            assertThat(Instant.parse(last.path("scoredThrough").asText())).isEqualTo(start.plusSeconds(SECONDS));
            assertThat(last(seen, secondWatch)).isEqualTo(last);
        });
        assertThat(seen)
                .filteredOn(s -> s.topic().equals(progress(p.deviceId())))
                .allSatisfy(s -> assertThat(s.json().path("date").asText()).isEqualTo(today.toString()));

        // A late hour of yesterday is scored, but a watch shows today: it gets nothing for it.
        Instant yesterday =
                today.minusDays(1).atTime(10, 0).atZone(EngineFixtures.VIENNA).toInstant();
        EngineFixtures.publish(p.deviceId(), List.of(Batches.accelJson(1_000, yesterday, RATE_HZ, 600 * RATE_HZ)));
        await().atMost(EngineFixtures.SCORED).until(() -> dirtyDays(p.id()) == 0 && scored(p.id(), today.minusDays(1)));

        // Revoking the second watch clears its retained progress, on the same connection and so
        // after any progress Osteon sent before: once the empty message is here, the rest would be too.
        Tokens.asAdmin()
                .post("/api/v1/devices/" + secondWatch + "/revoke")
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> seen.stream()
                        .anyMatch(s -> s.topic().equals(progress(secondWatch)) && s.payload().length == 0));
        assertThat(seen)
                .noneMatch(s -> s.topic().equals(progress(revoked)))
                .noneMatch(s -> s.topic().equals(progress(other.deviceId())))
                .noneMatch(s -> s.payload().length > 0
                        && !s.json().path("date").asText().equals(today.toString()));

        // A watch that connects later gets the last message at once; the revoked one's is gone.
        List<Seen> late = new CopyOnWriteArrayList<>();
        subscribe(late, progress(secondWatch), progress(p.deviceId()));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> late.stream().anyMatch(s -> s.topic().equals(progress(p.deviceId()))));
        assertThat(late).singleElement().satisfies(s -> {
            assertThat(s.retained()).isTrue();
            assertThat(s.json()).isEqualTo(last(seen, p.deviceId()));
        });
    }

    @Test
    void aWeekdayOffASessionsScheduleShowsTheWatchNoImpactTarget() throws Exception {
        EngineFixtures.Patient p = EngineFixtures.newPatient(jdbc);
        LocalDate today = EngineFixtures.today();
        List<String> otherDays = java.util.Arrays.stream(java.time.DayOfWeek.values())
                .filter(d -> d != today.getDayOfWeek())
                .map(Enum::name)
                .toList();
        Clinic.prescribe(
                p.physio(),
                p.id(),
                Map.of(
                        "reason",
                        "twice a week",
                        "components",
                        List.of(
                                Map.of(
                                        "kind",
                                        "impacts",
                                        "minG",
                                        4.2,
                                        "count",
                                        25,
                                        "per",
                                        "session",
                                        "sessionsPerWeek",
                                        2,
                                        "days",
                                        otherDays.subList(0, 2)),
                                Map.of("kind", "steps", "stepsPerDay", 6000, "daysPerWeek", 5))));
        progressAfterMorningWorkout(p, today, last -> {
            // The landings are counted, but no session is due today: no target to reach.
            assertThat(last.path("impacts").asInt()).isGreaterThan(20);
            assertThat(last.has("impactsTarget") && !last.get("impactsTarget").isNull())
                    .isFalse();
            assertThat(last.path("stepsTarget").asInt()).isEqualTo(6000);
        });
    }

    @Test
    void withoutAProgramTheWatchGetsAllMvpaMinutesAndNoTargets() throws Exception {
        EngineFixtures.Patient p = EngineFixtures.newPatient(jdbc);
        LocalDate today = EngineFixtures.today();
        JsonNode last = progressAfterMorningWorkout(p, today, m -> {});
        // Without an MVPA component the minutes are all of them, as stored, not those in bouts.
        double mvpa = jdbc.one(
                        "select mvpa_minutes from day_summary where patient_id = ?::uuid and local_date = ?",
                        rs -> rs.getDouble(1),
                        p.id(),
                        today)
                .orElseThrow();
        assertThat(mvpa).isGreaterThan(15);
        assertThat(last.path("mvpaMin").asDouble()).isEqualTo(mvpa);
        assertThat(last.path("impactsMinG").asDouble()).isEqualTo(Component.Impacts.DEFAULT_MIN_G);
        for (String absent : List.of("impactsTarget", "mvpaBoutMin", "mvpaTarget", "stepsTarget")) {
            assertThat(last.has(absent)).as(absent).isFalse();
        }
    }

    /**
     * Publishes a {@link #morningWorkout} at 10:00 today from the patient's watch and waits for
     * the progress message that covers all of it and also passes {@code alsoUntil}; returns it.
     */
    private JsonNode progressAfterMorningWorkout(
            EngineFixtures.Patient p, LocalDate today, java.util.function.Consumer<JsonNode> alsoUntil)
            throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        subscribe(seen, progress(p.deviceId()));
        Instant start = today.atTime(10, 0).atZone(EngineFixtures.VIENNA).toInstant();
        EngineFixtures.publish(p.deviceId(), morningWorkout(start));
        await().atMost(EngineFixtures.SCORED).untilAsserted(() -> {
            JsonNode last = last(seen, p.deviceId());
            assertThat(last).isNotNull();
            assertThat(Instant.parse(last.path("scoredThrough").asText())).isEqualTo(start.plusSeconds(SECONDS));
            alsoUntil.accept(last);
        });
        return last(seen, p.deviceId());
    }

    static final int SECONDS = 2880;

    /** 48 min from {@code start}: a walk, a brisk walk into a run (20 min of MVPA), a jump set at 4.75 g, sitting. */
    static List<byte[]> morningWorkout(Instant start) {
        DayPlan plan = DayPlan.of(
                start,
                List.of(
                        new Segment(Activity.WALKING, 0, 300, 0),
                        new Segment(Activity.BRISK_WALKING, 300, 720, 0),
                        new Segment(Activity.RUNNING, 1020, 480, 0),
                        new Segment(Activity.JUMPS, 1500, 180, 4.75),
                        new Segment(Activity.SITTING, 1680, 1200, 0)));
        SignalGenerator g = new SignalGenerator("progress-test", plan, RATE_HZ, 3);
        int n = 60 * RATE_HZ;
        List<byte[]> batches = new ArrayList<>();
        for (int minute = 0; minute * 60 < SECONDS; minute++) {
            float[] x = new float[n], y = new float[n], z = new float[n];
            int k = g.fill(x, y, z, 0, n);
            batches.add(Batches.accelJson(
                    minute,
                    start.plusSeconds(60L * minute),
                    RATE_HZ,
                    Arrays.copyOf(x, k),
                    Arrays.copyOf(y, k),
                    Arrays.copyOf(z, k)));
        }
        return batches;
    }

    static String progress(String deviceId) {
        return DeviceClient.ROOT + "/" + deviceId + "/progress";
    }

    /** The newest non-empty message on a device's progress topic, or null. */
    static JsonNode last(List<Seen> seen, String deviceId) {
        JsonNode last = null;
        for (Seen s : seen) {
            if (s.topic().equals(progress(deviceId)) && s.payload().length > 0) {
                last = s.json();
            }
        }
        return last;
    }

    long dirtyDays(String patient) {
        return jdbc.count("select count(*) from day_dirty where patient_id = ?::uuid", patient);
    }

    boolean scored(String patient, LocalDate date) {
        return jdbc.count(
                        "select count(*) from day_summary where patient_id = ?::uuid and local_date = ?", patient, date)
                == 1;
    }

    /** One connection for all the topics, so that messages arrive in the order the broker handled them. */
    void subscribe(List<Seen> into, String... topics) throws MqttException {
        MqttClient c =
                new MqttClient(EngineFixtures.BROKER, "progress-test-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        c.connect(o);
        clients.add(c);
        for (String t : topics) {
            c.subscribe(t, 1, (topic, m) -> into.add(new Seen(topic, m.getPayload(), m.isRetained())));
        }
    }
}
