package org.osteon.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.osteon.support.Tokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.DayRows;
import org.osteon.support.DayRows.Day;
import org.osteon.support.TestClock;
import org.osteon.support.Tokens;

/**
 * The bone–brain report on known days: last week's figures worked out by hand from the days
 * written (valid days only), its rhythm from its last day, its adherence as the adherence API
 * answers it, its mood from the PHQ-9 answered in it; the same as CSV; another physiotherapist's
 * patient not found.
 */
@QuarkusTest
class ReportResourceTest {
    static final String PROGRAM = "[{\"kind\":\"impacts\",\"minG\":4.2,\"count\":10,\"per\":\"day\"},"
            + "{\"kind\":\"mvpa\",\"minutesPerWeek\":150,\"boutMinutes\":10},"
            + "{\"kind\":\"steps\",\"stepsPerDay\":7000,\"daysPerWeek\":7}]";

    @Inject
    Jdbc jdbc;

    /** A day's estimate with both hip models over {@code peaks} peaks. */
    static String grf(int peaks, double walkingMean, double walkingMax, double jumpingMean, double jumpingMax) {
        return "{\"estimated\":true,\"reason\":null,\"models\":["
                + model("walking/running", "WALKING_RUNNING_HIP", peaks, walkingMean, walkingMax) + ","
                + model("jumping", "JUMPING_HIP", peaks, jumpingMean, jumpingMax)
                + "],\"provenance\":{\"algorithm\":\"veras-grf\"}}";
    }

    static String model(String model, String equation, int peaks, double mean, double max) {
        return "{\"model\":\"" + model + "\",\"equation\":\"" + equation + "\",\"peaks\":" + peaks
                + ",\"meanPeakG\":1.6,\"maxPeakG\":3.0,\"meanNewtons\":" + mean * 700 + ",\"maxNewtons\":"
                + max * 700 + ",\"meanBodyWeights\":" + mean + ",\"maxBodyWeights\":" + max + "}";
    }

    void peakGrf(String patient, LocalDate date, String json) {
        jdbc.update(
                "update day_summary set estimated_peak_grf = ?::jsonb where patient_id = ? and local_date = ?",
                json,
                UUID.fromString(patient),
                date);
    }

    @Test
    void lastWeeksBoneAndBrainFiguresAreTheDaysWorkedOutByHand() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "UTC");
        LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(ZoneOffset.UTC));
        LocalDate monday =
                today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        jdbc.update(
                "insert into program_version (patient_id, version, effective_from, components, author_role, "
                        + "author_subject, reason, created_at) values (?, 1, ?, ?::jsonb, 'physio', 'test', "
                        + "'in force before the week', now())",
                UUID.fromString(patient),
                monday.minusWeeks(1),
                PROGRAM);
        DayRows rows = new DayRows(jdbc, patient);
        // Three valid days (14 h of wear) and one without enough wear, which counts for nothing.
        rows.insert(new Day(monday.toString(), 14, 8000, 30.0, 40.0, Map.of("4.2", 12)));
        rows.insert(new Day(monday.plusDays(1).toString(), 14, 6000, 20.0, 40.0, Map.of("4.2", 6)));
        rows.insert(new Day(monday.plusDays(6).toString(), 14, 7000, 10.0, 40.0, Map.of("4.2", 0)));
        rows.insert(new Day(monday.plusDays(3).toString(), 2, 100, 0.0, 40.0, Map.of("4.2", 90)));
        // Estimated peak GRF on two valid days, none on the third (no body mass), and a large one on the
        // day without enough wear, which counts for nothing.
        peakGrf(patient, monday, grf(100, 2.0, 2.5, 1.5, 2.9));
        peakGrf(patient, monday.plusDays(1), grf(300, 2.25, 2.75, 2.0, 2.6));
        peakGrf(
                patient,
                monday.plusDays(6),
                "{\"estimated\":false,\"reason\":\"the patient record has no body mass\",\"models\":[],"
                        + "\"provenance\":{\"algorithm\":\"veras-grf\"}}");
        peakGrf(patient, monday.plusDays(3), grf(50, 9.0, 9.9, 9.0, 9.9));

        // A PHQ-9 answered on last week's Wednesday, by the patient's app: 1+1+1+1+1+1+1+0+0 = 7, mild.
        // At most 11 days and 6 hours ago, within the 14 days an answer may come late.
        Instant wednesday = monday.plusDays(2).atTime(18, 0).toInstant(ZoneOffset.UTC);
        as(Tokens.patient(patient))
                .contentType("application/json")
                .body(Map.of(
                        "questionnaire", "phq-9",
                        "answers", List.of(1, 1, 1, 1, 1, 1, 1, 0, 0),
                        "answeredAt", wednesday.toString()))
                .put("/api/v1/patients/" + patient + "/questionnaire-responses/" + UUID.randomUUID())
                .then()
                .statusCode(201);

        // Three nights of the week as the engine stores them (UTC patient), and one of the week
        // before, which does not count: 480, 480 and 420 min, midpoints 03:00, 02:00 and 04:00
        // (900, 840 and 960 min after noon): mean 460 min at 03:00, SD 60 min.
        sleepNight(patient, monday.minusDays(1), "20:00", 0, "21:40");
        sleepNight(patient, monday, "23:00", 1, "07:00");
        sleepNight(patient, monday.plusDays(1), "22:00", 1, "06:00");
        sleepNight(patient, monday.plusDays(6), "00:30", 1, "07:30", true);

        String range = "from=" + monday + "&to=" + monday.plusDays(6);
        JsonPath r = as(physio.token())
                .get("/api/v1/patients/" + patient + "/report?" + range)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(r.getList("weeks")).hasSize(1);
        assertThat(r.getString("weeks[0].weekStart")).isEqualTo(monday.toString());
        assertThat(r.getInt("weeks[0].validDays")).isEqualTo(3);
        assertThat(r.getDouble("weeks[0].bone.impactsThresholdG")).isEqualTo(4.2);
        assertThat(r.getDouble("weeks[0].bone.impactsPerDay")).isCloseTo((12 + 6 + 0) / 3.0, within(1e-6));
        // DayRows writes low 500, medium 60, high 12 on every day: three valid days.
        assertThat(r.getMap("weeks[0].bone.impactsByBand"))
                .containsEntry("low", 1500)
                .containsEntry("high", 36);
        assertThat(r.getDouble("weeks[0].bone.osteogenicIndexPerDay")).isCloseTo(40.2, within(1e-6));
        assertThat(r.getInt("weeks[0].activity.mvpaBoutMinutes")).isEqualTo(10);
        assertThat(r.getDouble("weeks[0].activity.mvpaBoutedMinutes")).isCloseTo(60.0, within(1e-6));
        assertThat(r.getDouble("weeks[0].activity.stepsPerDay")).isCloseTo(7000.0, within(1e-6));
        assertThat(r.getDouble("weeks[0].wear.hoursPerDay")).isCloseTo(14.0, within(1e-6));
        // Estimated peak GRF: the mean of all the valid days' peaks (each day's mean weighted by its
        // peaks) and the largest, per model.
        assertThat(r.getInt("weeks[0].bone.estimatedPeakGrf.days")).isEqualTo(2);
        assertThat(r.getString("weeks[0].bone.estimatedPeakGrf.reason")).isNull();
        assertThat(r.getList("weeks[0].bone.estimatedPeakGrf.models.model"))
                .containsExactly("walking/running", "jumping");
        assertThat(r.getInt("weeks[0].bone.estimatedPeakGrf.models[0].peaks")).isEqualTo(400);
        // (100 × 2.0 + 300 × 2.25) / 400 = 2.1875, shown to three decimals as the days show it.
        assertThat(r.getDouble("weeks[0].bone.estimatedPeakGrf.models[0].meanBodyWeights"))
                .isCloseTo(2.188, within(1e-6));
        assertThat(r.getDouble("weeks[0].bone.estimatedPeakGrf.models[0].maxBodyWeights"))
                .isCloseTo(2.75, within(1e-6));
        assertThat(r.getDouble("weeks[0].bone.estimatedPeakGrf.models[1].meanBodyWeights"))
                .isCloseTo((100 * 1.5 + 300 * 2.0) / 400, within(1e-6));
        assertThat(r.getDouble("weeks[0].bone.estimatedPeakGrf.models[1].maxBodyWeights"))
                .isCloseTo(2.9, within(1e-6));
        assertThat(r.getString("definitions.'bone.estimatedPeakGrf'.reference"))
                .contains("docs/metrics.md §4")
                .contains("Sensors 2023");
        // Rhythm over the week: the rolling 7-day values of its Sunday.
        assertThat(r.getDouble("weeks[0].rhythm.ra")).isCloseTo(0.87, within(1e-6));
        assertThat(r.getDouble("weeks[0].rhythm.iv")).isCloseTo(0.7, within(1e-6));
        assertThat(r.getString("weeks[0].mood.questionnaire")).isEqualTo("phq-9");
        assertThat(r.getInt("weeks[0].mood.total")).isEqualTo(7);
        assertThat(r.getString("weeks[0].mood.band")).isEqualTo("mild");
        assertThat(r.getInt("weeks[0].sleep.nights")).isEqualTo(3);
        assertThat(r.getDouble("weeks[0].sleep.durationMinutesPerNight")).isCloseTo(460.0, within(1e-6));
        assertThat(r.getDouble("weeks[0].sleep.midpointMinutesAfterNoon")).isCloseTo(900.0, within(1e-6));
        assertThat(r.getString("weeks[0].sleep.midpointLocalTime")).isEqualTo("03:00");
        assertThat(r.getDouble("weeks[0].sleep.midpointSdMinutes")).isCloseTo(60.0, within(1e-6));
        assertThat(r.getString("definitions.'sleep.durationMinutesPerNight'.reference"))
                .contains("van Hees et al. 2018");
        // Adherence is the adherence API's own week.
        JsonPath week = as(physio.token())
                .get("/api/v1/patients/" + patient + "/adherence?by=week&" + range)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(r.getString("weeks[0].adherence.overall")).isEqualTo(week.getString("[0].overall"));
        assertThat(r.getList("weeks[0].adherence.components.kind")).isEqualTo(week.getList("[0].components.kind"));
        // Every figure names its definition.
        assertThat(r.getMap("definitions")).containsKeys("bone.impactsByBand", "activity.mvpaBoutedMinutes", "mood");
        assertThat(r.getString("definitions.'bone.impactsByBand'.reference")).contains("docs/metrics.md §4");

        String csv = as(physio.token())
                .accept("text/csv")
                .get("/api/v1/patients/" + patient + "/report?" + range)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("week_start,week_end,valid_days,impacts_threshold_g,impacts_per_day,");
        assertThat(lines[1]).startsWith(monday + "," + monday.plusDays(6) + ",3,4.2,6.0,1500,180,36,");
        assertThat(lines[0])
                .contains(",daily_stress_stimulus_per_day,grf_days,grf_walking_running_mean_bw,"
                        + "grf_walking_running_max_bw,grf_jumping_mean_bw,grf_jumping_max_bw,")
                .endsWith(",sleep_nights,sleep_duration_minutes_per_night,"
                        + "sleep_midpoint_minutes_after_noon,sleep_midpoint_local_time,sleep_midpoint_sd_minutes");
        assertThat(lines[1]).contains(",2,2.188,2.75,1.875,2.9,10,").endsWith(",3,460.0,900.0,03:00,60.0");

        as(Clinic.newPhysio().token())
                .get("/api/v1/patients/" + patient + "/report?" + range)
                .then()
                .statusCode(404);
        as(physio.token())
                .get("/api/v1/patients/" + patient + "/report?from=last-week")
                .then()
                .statusCode(400);
        // The last week of LocalDate's range would overflow: refused, naming the field.
        as(physio.token())
                .queryParam("to", "+999999999-12-31")
                .get("/api/v1/patients/" + patient + "/report")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("to"));
    }

    void sleepNight(String patient, LocalDate night, String onset, int wakeDays, String wake) {
        sleepNight(patient, night, onset, wakeDays, wake, false);
    }

    /** A night as the engine stores it: onset on {@code night} (or the day after), wake days later. */
    void sleepNight(String patient, LocalDate night, String onset, int wakeDays, String wake, boolean afterMidnight) {
        Instant on = night.plusDays(afterMidnight ? 1 : 0)
                .atTime(java.time.LocalTime.parse(onset))
                .toInstant(ZoneOffset.UTC);
        Instant off =
                night.plusDays(wakeDays).atTime(java.time.LocalTime.parse(wake)).toInstant(ZoneOffset.UTC);
        long minutes = java.time.Duration.between(on, off).toMinutes();
        jdbc.update(
                "insert into sleep_night (patient_id, night_date, onset, wake, duration_minutes, midpoint, "
                        + "threshold_deg, provenance) values (?, ?, ?, ?, ?, ?, 0.2, '{\"algorithm\": "
                        + "\"hdcza-sleep-window\"}'::jsonb)",
                UUID.fromString(patient),
                night,
                on,
                off,
                (double) minutes,
                on.plusSeconds(minutes * 30));
    }
}
