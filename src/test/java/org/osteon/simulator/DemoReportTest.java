package org.osteon.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.osteon.support.Tokens.as;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.osteon.adherence.AdherenceConfig;
import org.osteon.common.Jdbc;
import org.osteon.simulator.DayPlanner.Habit;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.TestClock;
import org.osteon.support.Tokens;

/**
 * The bone–brain report on the demo's data: a patient registered and prescribed as {@code ./osteon
 * run} does it, whose app answers the demo's questionnaires ({@link MoodDiary}) and whose wearable
 * syncs the demo's history over the real broker. The report's weeks are checked against what the
 * other endpoints serve of the same days (the days API, weekly adherence) and against the answers
 * the app gave; the answers' alerts are raised.
 */
@QuarkusTest
@WithTestResource(SimulatorBroker.class)
class DemoReportTest {
    /** Days of history: enough for the diary's first PHQ-9, 12 days before today, and a week boundary. */
    static final int HISTORY_DAYS = 12;
    /**
     * JsonPath reads decimals as floats: 9294.6 comes back as 9294.6001. The expected values are
     * rounded as the report shows them, so this only absorbs the float.
     */
    static final org.assertj.core.data.Offset<Double> FLOAT = within(0.001);

    @TestHTTPResource("/")
    URL base;

    @Inject
    Jdbc jdbc;

    @Inject
    AdherenceConfig adherence;

    @Test
    void theReportOfADemoPatientShowsTheirSyncedDaysAndTheirAppsAnswersWeekByWeek() throws Exception {
        Physio physio = Clinic.newPhysio();
        String prefix = "demo-report-" + UUID.randomUUID().toString().substring(0, 8);
        Instant live = TestClock.CLOCK.instant().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = live.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate firstDay = today.minusDays(HISTORY_DAYS);
        Instant start = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        SimulatorArguments a = SimulatorArguments.parse(
                new String[] {
                    "--broker",
                    SimulatorBroker.broker().uri(),
                    "--service",
                    base.toString(),
                    "--token",
                    physio.token(),
                    "--prefix",
                    prefix,
                    "--devices",
                    "1",
                    "--habits",
                    "fading",
                    "--programs",
                    "progressive-impact-osteoporosis",
                    "--history-days",
                    String.valueOf(HISTORY_DAYS),
                    "--format",
                    "binary",
                    "--patient-keys",
                    Tokens.KEY_DIR.toString(),
                    "--fidgeting"
                },
                TestClock.CLOCK);

        // As SimulatorCommand.main does: register and prescribe, answer the questionnaires, sync.
        List<String> patients = SimulatorCommand.register(a, start, firstDay);
        String patient = patients.get(0);
        // Tokens are issued at the earlier of the tests' clock and the system's (Tokens.issuedAt).
        SimulatorCommand.answerQuestionnaires(
                a, patients, firstDay, today, Clock.fixed(Tokens.issuedAt(), ZoneOffset.UTC));
        List<MoodDiary.Answer> diary = MoodDiary.answers(patient, Habit.FADING, firstDay, today);
        assertThat(diary).hasSize(4);
        // A retried submission of the same diary is the same responses, stored once.
        SimulatorCommand.answerQuestionnaires(
                a, patients, firstDay, today, Clock.fixed(Tokens.issuedAt(), ZoneOffset.UTC));
        assertThat(jdbc.count("select count(*) from questionnaire_response where patient_id = ?::uuid", patient))
                .isEqualTo(4);

        RunReport run;
        try (Simulation sim = new Simulation(
                SimulationOptions.fastest(a.broker().toString())
                        .withFormat(PayloadFormat.BINARY)
                        .withFidgeting(a.options().fidgeting()),
                TestClock.CLOCK)) {
            sim.addDevice(
                    SimulatorCommand.deviceId(a, 0),
                    a.seed() * 1_000_003L,
                    DayPlanner.days(a.seed(), 0, start, live, Habit.FADING, today));
            run = sim.run(start, live, live);
        }
        assertThat(run.everyBatchAcceptedOnce()).as("%s", run).isTrue();
        LocalDate yesterday = today.minusDays(1);
        await().atMost(Duration.ofMinutes(3))
                .until(() -> jdbc.count(
                                        "select count(*) from day_summary where patient_id = ?::uuid and local_date "
                                                + "between ? and ?",
                                        patient,
                                        firstDay,
                                        yesterday)
                                == HISTORY_DAYS
                        && jdbc.count("select count(*) from day_dirty where patient_id = ?::uuid", patient) == 0);

        String range = "from=" + firstDay + "&to=" + yesterday;
        JsonPath report = as(physio.token())
                .get("/api/v1/patients/" + patient + "/report?" + range)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // The report's weeks are whole weeks: today's data so far counts in the last one, as in the days API.
        assertThat(report.getString("to"))
                .isEqualTo(yesterday
                        .with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
                        .toString());
        JsonPath days = as(physio.token())
                .get("/api/v1/patients/" + patient + "/days?from=" + report.getString("from") + "&to="
                        + report.getString("to"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath weeks = as(physio.token())
                .get("/api/v1/patients/" + patient + "/adherence?by=week&" + range)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        List<LocalDate> mondays = new ArrayList<>();
        for (LocalDate m = firstDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                !m.isAfter(yesterday);
                m = m.plusWeeks(1)) {
            mondays.add(m);
        }
        assertThat(report.getList("weeks.weekStart"))
                .isEqualTo(mondays.stream().map(LocalDate::toString).toList());
        assertThat(weeks.getList("weekStart")).isEqualTo(report.getList("weeks.weekStart"));

        List<Map<String, Object>> dayRows = days.getList("$");
        assertThat(dayRows).hasSizeGreaterThanOrEqualTo(HISTORY_DAYS);
        for (int w = 0; w < mondays.size(); w++) {
            LocalDate monday = mondays.get(w);
            String at = "weeks[" + w + "].";
            // The week's valid days as the days API serves them: the planned days are worn all day but for a charge.
            List<Map<String, Object>> valid = dayRows.stream()
                    .filter(d -> inWeek(LocalDate.parse((String) d.get("date")), monday))
                    .filter(d -> number(d.get("wearHours")) >= adherence.minWearHours())
                    .toList();
            assertThat(valid).isNotEmpty();
            assertThat(report.getInt(at + "validDays")).isEqualTo(valid.size());
            assertThat(report.getDouble(at + "wear.hoursPerDay"))
                    .isCloseTo(shown(mean(valid, d -> number(d.get("wearHours"))), 2), FLOAT);
            assertThat(report.getDouble(at + "activity.stepsPerDay"))
                    .isCloseTo(shown(mean(valid, d -> number(d.get("steps"))), 1), FLOAT);
            double threshold = report.getDouble(at + "bone.impactsThresholdG");
            // The progressive impact program prescribes its own threshold, not the default band.
            assertThat(threshold).isGreaterThan(0);
            assertThat(report.getDouble(at + "bone.impactsPerDay"))
                    .isCloseTo(shown(mean(valid, d -> atOrAbove(d, threshold)), 2), FLOAT);
            for (String band : List.of("low", "medium", "high")) {
                assertThat(report.getInt(at + "bone.impactsByBand." + band))
                        .as("%s band %s", monday, band)
                        .isEqualTo(valid.stream()
                                .mapToInt(d -> (int) number(((Map<?, ?>) d.get("impactsByBand")).get(band)))
                                .sum());
            }
            // Adherence is the adherence API's own week, component by component.
            assertThat(report.getString(at + "adherence.overall")).isEqualTo(weeks.getString("[" + w + "].overall"));
            assertThat(report.getList(at + "adherence.components.kind"))
                    .isEqualTo(weeks.getList("[" + w + "].components.kind"));
            assertThat(report.getList(at + "adherence.components.status"))
                    .isEqualTo(weeks.getList("[" + w + "].components.status"));

            // Sleep: the planned nights (docs/simulator.md: to bed before midnight, up between 06:00
            // and 07:30) are 6 to 10 hours with a midpoint between midnight and 06:00; without
            // fidgeting the still afternoon at the desk would be taken for sleep, some 22 hours.
            if (report.getInt(at + "sleep.nights") > 0) {
                assertThat(report.getDouble(at + "sleep.durationMinutesPerNight"))
                        .as("%s", monday)
                        .isBetween(360.0, 600.0);
                assertThat(report.getDouble(at + "sleep.midpointMinutesAfterNoon"))
                        .isBetween(720.0, 1080.0);
            }

            // Mood: the week's last PHQ-9 the app answered, scored by the published bands.
            List<MoodDiary.Answer> answered = diary.stream()
                    .filter(d -> inWeek(d.answeredAt().atZone(ZoneOffset.UTC).toLocalDate(), monday))
                    .toList();
            assertThat(report.getInt(at + "mood.responses")).isEqualTo(answered.size());
            Optional<MoodDiary.Answer> phq9 = answered.stream()
                    .filter(d -> d.questionnaire().equals("phq-9"))
                    .max(Comparator.comparing(MoodDiary.Answer::answeredAt));
            if (phq9.isPresent()) {
                assertThat(report.getInt(at + "mood.total"))
                        .isEqualTo(phq9.get().total());
                assertThat(report.getString(at + "mood.band"))
                        .isEqualTo(kroenkeBand(phq9.get().total()));
            } else {
                assertThat(report.getString(at + "mood.total")).isNull();
            }
        }
        // The diary's PHQ-9 totals, 8 then 14 with item 9 answered 1, in the report.
        assertThat(report.getList("weeks.mood.total")).contains(8, 14);
        assertThat(report.getList("weeks.sleep.nights", Integer.class).stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isGreaterThanOrEqualTo(HISTORY_DAYS - 2);

        // The answers raised their alerts: the self-harm answer and the six-point rise from the first.
        JsonPath alerts = as(physio.token())
                .get("/api/v1/alerts?patientId=" + patient)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(alerts.getList("items.rule")).contains("phq9_item9", "phq_worsening");

        // The CSV says the same, a row a week.
        String[] csv = as(physio.token())
                .accept("text/csv")
                .get("/api/v1/patients/" + patient + "/report?" + range)
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .split("\r\n");
        assertThat(csv).hasSize(1 + mondays.size());
        for (int w = 0; w < mondays.size(); w++) {
            assertThat(csv[1 + w])
                    .startsWith(mondays.get(w) + "," + mondays.get(w).plusDays(6) + ","
                            + report.getInt("weeks[" + w + "].validDays") + ",");
        }
    }

    /** As the report shows a mean: to {@code decimals}, half to even. */
    private static double shown(double v, int decimals) {
        return java.math.BigDecimal.valueOf(v)
                .setScale(decimals, java.math.RoundingMode.HALF_EVEN)
                .doubleValue();
    }

    private static boolean inWeek(LocalDate date, LocalDate monday) {
        return !date.isBefore(monday) && date.isBefore(monday.plusWeeks(1));
    }

    private static double number(Object o) {
        return ((Number) o).doubleValue();
    }

    private static double mean(
            List<Map<String, Object>> days, java.util.function.ToDoubleFunction<Map<String, Object>> f) {
        return days.stream().mapToDouble(f).average().orElseThrow();
    }

    /** A day's peaks at or above a threshold, keyed with one decimal ("4.2", "5.0"); none when not there. */
    private static double atOrAbove(Map<String, Object> day, double threshold) {
        Object n = ((Map<?, ?>) day.get("impactsAtOrAbove")).get(String.format(Locale.ROOT, "%.1f", threshold));
        return n == null ? 0 : number(n);
    }

    /** Kroenke K, Spitzer RL, Williams JBW (2001), J Gen Intern Med 16:606: PHQ-9 severity bands. */
    private static String kroenkeBand(int total) {
        if (total <= 4) {
            return "minimal";
        } else if (total <= 9) {
            return "mild";
        } else if (total <= 14) {
            return "moderate";
        } else if (total <= 19) {
            return "moderately_severe";
        }
        return "severe";
    }
}
