package org.osteon.engine;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osteon.scoring.Placement;
import org.osteon.scoring.pipeline.ScoringParams;
import org.osteon.support.DeviceClient;
import org.osteon.support.EngineFixtures;
import org.osteon.support.MosquittoProcess;
import org.osteon.support.ServiceProcess;
import org.osteon.support.Signals;
import org.osteon.support.TestDatabase;
import org.osteon.support.Tokens;

/**
 * Two packaged instances share one broker subscription and one database: each patient's batches
 * are split between them by the broker, both mark days and both score. Every day ends exactly
 * as the scoring core computes it over all of that day's samples: nothing counted twice, no
 * batch left out.
 */
class EngineTwoInstancesIT {
    static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    static final int PATIENTS = 6;

    MosquittoProcess broker;
    TestDatabase db;
    ServiceProcess first;
    ServiceProcess second;

    ServiceProcess service(String clientId) throws Exception {
        return new ServiceProcess(Map.of(
                        "quarkus.datasource.jdbc.url", db.url(),
                        "osteon.ingest.broker-uri", broker.uri(),
                        "osteon.ingest.client-id", clientId,
                        // Two instances on one broker split the batches only through a shared subscription.
                        "osteon.ingest.share-group", "osteon-engine-it",
                        "osteon.engine.quiet", "300ms",
                        "osteon.engine.max-delay", "2s",
                        "osteon.engine.poll", "100ms"))
                .start();
    }

    @BeforeEach
    void start() throws Exception {
        broker = new MosquittoProcess();
        db = TestDatabase.onLocalServer("osteon_engine_it");
        first = service("osteon-engine-a");
        second = service("osteon-engine-b");
    }

    @AfterEach
    void stop() throws Exception {
        second.close();
        first.close();
        broker.close();
        db.close();
    }

    String newPatientWithDevice(String deviceId) throws Exception {
        String patient = given().baseUri(first.baseUri())
                .auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "two-" + deviceId, "timeZone", VIENNA.getId()))
                .post("/api/v1/patients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().baseUri(second.baseUri())
                .auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("deviceId", deviceId, "placement", "wrist", "rangeG", 16))
                .post("/api/v1/patients/" + patient + "/devices")
                .then()
                .statusCode(201);
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(
                        "update device set registered_at = now() - interval '30 days', data_from = now() - interval '30 days' where id = ?")) {
            ps.setString(1, deviceId);
            ps.executeUpdate();
        }
        return patient;
    }

    record Row(double wearMinutes, int steps, String atOrAbove) {}

    Row row(String patient, LocalDate date) throws Exception {
        try (Connection c = db.connect();
                PreparedStatement ps =
                        c.prepareStatement("select wear_minutes, steps, impacts_at_or_above::text from day_summary "
                                + "where patient_id = ?::uuid and local_date = ?")) {
            ps.setString(1, patient);
            ps.setObject(2, date);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Row(rs.getDouble(1), rs.getInt(2), rs.getString(3)) : null;
            }
        }
    }

    /** The day as the scoring core computes it from all the samples, in one piece. */
    static Row expected(Signals signal, Instant start, LocalDate date) {
        List<RawBatch> whole = DayScoringTest.cut(signal, start, List.of(Integer.MAX_VALUE));
        DayScoring day = new DayScoring(
                ScoringParams.builder(Signals.RATE_HZ)
                        .placement(Placement.WRIST)
                        .build(),
                VIENNA,
                date);
        whole.forEach(day::accept);
        DayScoring.Result r = day.finish();
        StringBuilder json = new StringBuilder("{");
        DayScoreRepository.atOrAbove(r.peaks())
                .forEach((k, v) -> json.append(json.length() > 1 ? ", " : "")
                        .append('"')
                        .append(k)
                        .append("\": ")
                        .append(v));
        return new Row(
                r.summary().wearMinutes(), r.summary().steps(), json.append('}').toString());
    }

    static double scored(ServiceProcess service) throws Exception {
        String metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(service.baseUri() + "/q/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("osteon_engine_days_total\\{outcome=\"written\"[^}]*} ([0-9.eE+]+)")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void twoInstancesSharingOnePatientsBatchesScoreEachDayAsTheCoreDoes() throws Exception {
        // The evening of yesterday, never more than an hour or two ahead (EngineFixtures.evening).
        LocalDate day = EngineFixtures.evening();
        Instant start = day.atTime(23, 0).atZone(VIENNA).toInstant();
        Signals signal = Signals.twoHours(start);
        List<String> patients = new ArrayList<>();
        Random random = new Random(3);
        for (int p = 0; p < PATIENTS; p++) {
            String deviceId = "two-" + p + "-" + UUID.randomUUID().toString().substring(0, 8);
            patients.add(newPatientWithDevice(deviceId));
            List<byte[]> batches = EngineFixtures.batches(signal, start, 0, EngineFixtures.randomSizes(random));
            Collections.shuffle(batches, random);
            try (DeviceClient device = new DeviceClient(broker.uri(), deviceId)) {
                for (byte[] b : batches) {
                    device.publishAccel(b);
                }
            }
        }
        Row today = expected(signal, start, day);
        Row tomorrow = expected(signal, start, day.plusDays(1));
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (String patient : patients) {
                assertThat(row(patient, day)).isEqualTo(today);
                assertThat(row(patient, day.plusDays(1))).isEqualTo(tomorrow);
            }
            assertThat(db.queryLong("select count(*) from day_dirty")).isZero();
        });
        assertThat(scored(first) + scored(second)).isGreaterThanOrEqualTo(2 * PATIENTS);
    }
}
