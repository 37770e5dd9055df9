package org.osteon.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.osteon.support.Tokens.as;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.simulator.DayPlanner.Habit;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.TestClock;

/**
 * The demo's history over the real service, broker and database: a wearable registered now, whose
 * registration accepts its recordings from yesterday's midnight, syncs yesterday and today so far
 * in hour batches, then plays the demo's opening live; yesterday is scored and judged against a
 * first program that started yesterday.
 */
@QuarkusTest
@WithTestResource(SimulatorBroker.class)
class DemoHistoryTest {
    static final int LIVE_SECONDS = 180;

    @TestHTTPResource("/")
    URL base;

    @Inject
    Jdbc jdbc;

    @Test
    void aWearersHistorySyncsInHourBatchesAndItsPastDaysAreScoredAndJudged() throws Exception {
        LocalDate yesterday =
                LocalDate.now(TestClock.CLOCK.withZone(ZoneOffset.UTC)).minusDays(1);
        Instant historyStart = yesterday.atStartOfDay(ZoneOffset.UTC).toInstant();
        Physio physio = Clinic.newPhysio();
        RegistryClient registry = new RegistryClient(URI.create(base.toString()), physio.token());
        String patient = registry.createPatient("History", "UTC", 70);
        String device = "sim-history-" + UUID.randomUUID().toString().substring(0, 8);
        registry.registerDevice(patient, device, "wrist", 16, "osteon-sim", historyStart);
        registry.prescribe(patient, "who-2020", yesterday, "demo programme");
        // The live part starts after the registration: only the history lies before it.
        Instant live = TestClock.CLOCK.instant().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = live.atZone(ZoneOffset.UTC).toLocalDate();

        List<DayPlan> plans = new ArrayList<>(DayPlanner.days(7, 0, historyStart, live, Habit.STEADY, today));
        plans.addAll(DayPlanner.withOpening(7, 0, live, live.plusSeconds(LIVE_SECONDS), Habit.STEADY));
        RunReport report;
        try (Simulation sim = new Simulation(
                SimulationOptions.fastest(SimulatorBroker.broker().uri()).withFormat(PayloadFormat.BINARY),
                TestClock.CLOCK)) {
            sim.addDevice(device, 7, plans);
            report = sim.run(historyStart, live, live.plusSeconds(LIVE_SECONDS));
        }
        assertThat(report.everyBatchAcceptedOnce()).as("%s", report).isTrue();
        long historySeconds = Duration.between(historyStart, live).toSeconds();
        // An hour a batch for the history, then a 1-s batch a second: the opening is online for its first 3 min.
        assertThat(report.devices().get(0).accelBatches()).isEqualTo((historySeconds + 3599) / 3600 + LIVE_SECONDS);
        assertThat(jdbc.count(
                        "select count(*) from accel_batch where device_id = ? and start_at < "
                                + "(select registered_at from device where id = ?)",
                        device,
                        device))
                .isEqualTo((historySeconds + 3599) / 3600);

        await().atMost(Duration.ofSeconds(90))
                .until(() -> jdbc.count(
                                        "select count(*) from day_summary where patient_id = ?::uuid and local_date = ?",
                                        patient,
                                        yesterday)
                                == 1
                        && jdbc.count("select count(*) from day_dirty where patient_id = ?::uuid", patient) == 0);
        JsonPath day = as(physio.token())
                .get("/api/v1/patients/" + patient + "/days?from=" + yesterday + "&to=" + yesterday)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // A whole planned day: worn but for the midday charge.
        assertThat(day.getDouble("[0].wearHours")).isBetween(20.0, 23.5);
        JsonPath adherence = as(physio.token())
                .get("/api/v1/patients/" + patient + "/adherence?from=" + yesterday + "&to=" + yesterday)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(adherence.getString("[0].components.find { it.kind == 'mvpa' }.status"))
                .isIn("met", "partial", "missed");
    }
}
