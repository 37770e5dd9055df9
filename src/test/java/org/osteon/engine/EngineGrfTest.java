package org.osteon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.osteon.support.EngineFixtures.*;
import static org.osteon.support.Tokens.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.scoring.Placement;
import org.osteon.scoring.bone.grf.GrfDay;
import org.osteon.scoring.bone.grf.GrfEstimator;
import org.osteon.support.Batches;
import org.osteon.support.DeviceClient;
import org.osteon.support.EngineFixtures.Patient;

/**
 * The estimated peak ground-reaction force from MQTT to {@code day_summary} and the days API, over
 * the machine's Mosquitto and PostgreSQL: a hip device at 100 Hz of a patient with a body mass
 * gets the numbers {@link GrfEstimator} gives on the same samples, whether the batches arrive
 * shuffled in random sizes or one by one as a live device sends them (the day continued from its
 * open state); a wrist device and a patient without a body mass get no estimate and the reason.
 *
 * <p>The data is 40 minutes from 14:00 of yesterday in Vienna by the tests' clock, inside one day at
 * any hour of the clock.
 */
@QuarkusTest
class EngineGrfTest {
    static final int RATE = 100;
    static final double MASS_KG = 72.5;

    @Inject
    Jdbc jdbc;

    @Inject
    ObjectMapper json;

    /** The simulated day's samples rounded to the three decimals a JSON batch carries. */
    static float[][] samples() {
        float[][] a = DayGrfTest.signal(RATE);
        for (float[] axis : a) {
            for (int i = 0; i < axis.length; i++) {
                axis[i] = Math.round(axis[i] * 1000f) / 1000f;
            }
        }
        return a;
    }

    static List<byte[]> batches(float[][] a, Instant start, List<Integer> sizes) {
        List<byte[]> out = new ArrayList<>();
        int at = 0;
        for (int i = 0; at < a[0].length; i++) {
            int n = Math.min(sizes.get(i % sizes.size()), a[0].length - at);
            out.add(Batches.accelJson(
                    i,
                    start.plusMillis(at * 1000L / RATE),
                    RATE,
                    Arrays.copyOfRange(a[0], at, at + n),
                    Arrays.copyOfRange(a[1], at, at + n),
                    Arrays.copyOfRange(a[2], at, at + n)));
            at += n;
        }
        return out;
    }

    Patient patient(String placement, Double bodyMassKg) {
        Patient p = newPatient(jdbc);
        jdbc.update("update device set placement = ? where id = ?", placement, p.deviceId());
        jdbc.update("update patient set body_mass_kg = ? where id = ?::uuid", bodyMassKg, p.id());
        return p;
    }

    /** The day's stored estimate, once the row holds every sample sent (up to {@code through}). */
    JsonNode stored(Patient p, LocalDate day, Instant through) throws Exception {
        await().atMost(SCORED)
                .until(() -> jdbc.one(
                                "select provenance->>'dataThrough' from day_summary "
                                        + "where patient_id = ?::uuid and local_date = ?",
                                rs -> rs.getString(1),
                                p.id(),
                                day)
                        .filter(through.toString()::equals)
                        .isPresent());
        String text = jdbc.one(
                        "select estimated_peak_grf::text from day_summary where patient_id = ?::uuid and local_date = ?",
                        rs -> rs.getString(1),
                        p.id(),
                        day)
                .orElseThrow();
        return json.readTree(text);
    }

    static void assertSameNumbers(JsonNode stored, GrfDay.Estimated expected) {
        assertThat(stored.get("estimated").asBoolean()).isTrue();
        JsonNode models = stored.get("models");
        assertThat(models).hasSize(expected.summaries().size());
        for (int i = 0; i < models.size(); i++) {
            GrfDay.Summary s = expected.summaries().get(i);
            JsonNode m = models.get(i);
            assertThat(m.get("equation").asText()).isEqualTo(s.equation().name());
            assertThat(m.get("model").asText()).isEqualTo(s.equation().model().label());
            assertThat(m.get("peaks").asInt()).isEqualTo(s.peaks());
            assertThat(m.get("meanPeakG").asDouble()).isEqualTo(s.meanPeakG());
            assertThat(m.get("maxPeakG").asDouble()).isEqualTo(s.maxPeakG());
            assertThat(m.get("meanNewtons").asDouble()).isEqualTo(s.meanNewtons());
            assertThat(m.get("maxNewtons").asDouble()).isEqualTo(s.maxNewtons());
            assertThat(m.get("meanBodyWeights").asDouble()).isEqualTo(s.meanBodyWeights());
            assertThat(m.get("maxBodyWeights").asDouble()).isEqualTo(s.maxBodyWeights());
        }
    }

    @Test
    void aHipDayGetsTheEstimatorsNumbersWhetherShuffledOrLive() throws Exception {
        LocalDate day = evening();
        Instant start = day.atTime(14, 0).atZone(VIENNA).toInstant();
        float[][] a = samples();
        Instant end = start.plusMillis(a[0].length * 1000L / RATE);
        double[][] d = new double[3][a[0].length];
        for (int axis = 0; axis < 3; axis++) {
            for (int i = 0; i < a[0].length; i++) {
                d[axis][i] = a[axis][i];
            }
        }
        GrfDay.Estimated expected = (GrfDay.Estimated) new GrfEstimator()
                .estimate(Placement.HIP, MASS_KG, List.of(new GrfEstimator.Segment(RATE, d[0], d[1], d[2])));
        assertThat(expected.summaries().get(0).peaks()).isGreaterThan(300);

        Patient shuffled = patient("hip", MASS_KG);
        Random random = new Random(29);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sizes.add(1 + random.nextInt(240 * RATE));
        }
        List<byte[]> pieces = batches(a, start, sizes);
        Collections.shuffle(pieces, random);
        publish(shuffled.deviceId(), pieces);

        Patient live = patient("hip", MASS_KG);
        List<byte[]> fiveMinutes = batches(a, start, List.of(300 * RATE));
        try (DeviceClient device = new DeviceClient(BROKER, live.deviceId())) {
            for (int i = 0; i < fiveMinutes.size(); i++) {
                device.publishAccel(fiveMinutes.get(i));
                Instant through = start.plusSeconds(300L * (i + 1));
                stored(live, day, through.isAfter(end) ? end : through);
            }
        }

        JsonNode fromShuffled = stored(shuffled, day, end);
        assertSameNumbers(fromShuffled, expected);
        assertSameNumbers(stored(live, day, end), expected);
        JsonNode parameters = fromShuffled.get("provenance").get("parameters");
        assertThat(fromShuffled.get("provenance").get("algorithm").asText()).isEqualTo(GrfEstimator.ALGORITHM);
        assertThat(parameters.get("bodyMassKg").asDouble()).isEqualTo(MASS_KG);
        JsonNode walking = parameters.get("equations").get(0);
        assertThat(walking.get("coefficients").get("b0").asDouble()).isEqualTo(814.888);
        assertThat(walking.get("model").get("source").asText()).contains("Eur J Sport Sci 2023");
        assertThat(walking.get("model").get("validation").has("checked")).isTrue();

        JsonPath days = JsonPath.from(as(shuffled.physio().token())
                        .queryParam("from", day.toString())
                        .queryParam("to", day.toString())
                        .get("/api/v1/patients/" + shuffled.id() + "/days")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        assertThat(days.getBoolean("[0].estimatedPeakGrf.estimated")).isTrue();
        assertThat(days.getList("[0].estimatedPeakGrf.models.model")).containsExactly("walking/running", "jumping");
        GrfDay.Summary jumping = expected.summaries().get(1);
        assertThat(days.getInt("[0].estimatedPeakGrf.models[1].peaks")).isEqualTo(jumping.peaks());
        assertThat(days.getDouble("[0].estimatedPeakGrf.models[1].maxBodyWeights"))
                .isEqualTo(round(jumping.maxBodyWeights(), 3));
        assertThat(days.getDouble("[0].estimatedPeakGrf.models[1].meanNewtons"))
                .isEqualTo(round(jumping.meanNewtons(), 1));
        assertThat(days.getString("[0].estimatedPeakGrf.provenance.parameters.equations[1].name"))
                .isEqualTo("JUMPING_HIP");
    }

    @Test
    void aWristDeviceAndAPatientWithoutABodyMassGetNoEstimateAndTheReason() throws Exception {
        LocalDate day = evening();
        Instant start = day.atTime(14, 0).atZone(VIENNA).toInstant();
        float[][] a = samples();
        float[][] tenMinutes = new float[3][];
        for (int axis = 0; axis < 3; axis++) {
            tenMinutes[axis] = Arrays.copyOf(a[axis], 600 * RATE);
        }
        Instant end = start.plusSeconds(600);
        Patient wrist = patient("wrist", MASS_KG);
        Patient noMass = patient("hip", null);
        publish(wrist.deviceId(), batches(tenMinutes, start, List.of(60 * RATE)));
        publish(noMass.deviceId(), batches(tenMinutes, start, List.of(60 * RATE)));

        JsonNode w = stored(wrist, day, end);
        assertThat(w.get("estimated").asBoolean()).isFalse();
        assertThat(w.get("reason").asText()).isEqualTo("no equation is published for the wrist");
        assertThat(w.get("models")).isEmpty();
        assertThat(w.get("provenance").get("parameters").get("reason").asText())
                .isEqualTo(w.get("reason").asText());
        JsonNode n = stored(noMass, day, end);
        assertThat(n.get("estimated").asBoolean()).isFalse();
        assertThat(n.get("reason").asText()).isEqualTo("the patient record has no body mass");

        as(wrist.physio().token())
                .queryParam("from", day.toString())
                .queryParam("to", day.toString())
                .get("/api/v1/patients/" + wrist.id() + "/days")
                .then()
                .statusCode(200)
                .body("[0].estimatedPeakGrf.estimated", org.hamcrest.Matchers.is(false))
                .body(
                        "[0].estimatedPeakGrf.reason",
                        org.hamcrest.Matchers.is("no equation is published for the wrist"));
    }

    static double round(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }
}
