package org.osteon.progress;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.osteon.support.Tokens.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.engine.DayNotices;
import org.osteon.support.Clinic;
import org.osteon.support.EngineFixtures;
import org.osteon.support.Signals;
import org.osteon.support.Tokens;

/** Apps follow a patient's progress over server-sent events, authorised as the REST API is. */
@QuarkusTest
class ProgressEventsTest {
    @TestHTTPResource("/")
    URL base;

    @Inject
    Jdbc jdbc;

    @Test
    void anAppHearsOfEachScoredDayAndProgramChangeOfItsPatient() throws Exception {
        EngineFixtures.Patient p = EngineFixtures.newPatient(jdbc);
        EngineFixtures.Patient other = EngineFixtures.newPatient(jdbc);
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/patients/" + p.id() + "/events"))
                .header("Authorization", "Bearer " + Tokens.patient(p.id()))
                .header("Accept", "text/event-stream")
                .build();
        CompletableFuture<HttpResponse<Stream<String>>> stream =
                HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(r -> r.body().forEach(lines::add));

        LocalDate day = EngineFixtures.evening();
        Instant start = EngineFixtures.lateEvening(day);
        Signals signal = Signals.twoHours(start);
        EngineFixtures.publish(
                other.deviceId(), EngineFixtures.batches(signal, start, 0, List.of(600 * Signals.RATE_HZ)));
        EngineFixtures.publish(p.deviceId(), EngineFixtures.batches(signal, start, 0, List.of(600 * Signals.RATE_HZ)));

        // Once the engine has scored both days, the last event of each day carries the day's numbers as the days
        // and adherence APIs answer them. An event of the next day also holds the evening's date (its data run
        // from the evening's last hour in UTC), so events are matched by their "date" field.
        awaitBothDaysScored(p);
        double wear = as(Tokens.patient(p.id()))
                .get("/api/v1/patients/" + p.id() + "/days?from=" + day + "&to=" + day)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getDouble("[0].wearHours");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(lastEventOf(lines, day))
                    .contains("\"kind\":\"day\"")
                    .contains(p.id())
                    .contains("\"day\":{\"date\":\"" + day + "\",\"wearHours\":" + wear)
                    .contains("\"adherence\":{\"date\":\"" + day + "\"");
            assertThat(lastEventOf(lines, day.plusDays(1))).contains("\"kind\":\"day\"");
        });
        assertThat(lines).anyMatch(l -> l.matches("id: ?\\d+")).anyMatch(l -> l.matches("event: ?day"));

        // A new program changes adherence from its effective date on: today, the day after the evening.
        Clinic.prescribe(
                p.physio(),
                p.id(),
                Map.of(
                        "reason",
                        "walking",
                        "components",
                        List.of(Map.of("kind", "steps", "stepsPerDay", 6000, "daysPerWeek", 5))));
        LocalDate today = EngineFixtures.today();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(lines)
                        .anyMatch(l -> l.startsWith("data:")
                                && l.contains("\"kind\":\"program\"")
                                && l.contains(today.toString())));
        assertThat(stream.get().statusCode()).isEqualTo(200);
        assertThat(lines).noneMatch(l -> l.contains(other.id()));
        stream.cancel(true);
    }

    @Test
    void aPhysiotherapistUnassignedWhileTheirStreamIsOpenGetsNothingMoreAndTheStreamEnds() throws Exception {
        EngineFixtures.Patient p = EngineFixtures.newPatient(jdbc);
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/patients/" + p.id() + "/events"))
                .header("Authorization", "Bearer " + p.physio().token())
                .header("Accept", "text/event-stream")
                .build();
        CompletableFuture<Void> ended = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(lines::add));

        // Changes as the scoring instance announces them; subscribing takes a moment, so announce until heard.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            announce(p.id(), "2030-01-01");
            assertThat(lines).anyMatch(l -> l.contains("2030-01-01"));
        });
        as(Tokens.admin())
                .delete("/api/v1/physiotherapists/" + p.physio().id() + "/patients/" + p.id())
                .then()
                .statusCode(204);
        announce(p.id(), "2030-01-02");

        await().atMost(Duration.ofSeconds(20)).until(ended::isDone);
        assertThat(lines).noneMatch(l -> l.contains("2030-01-02"));
    }

    @Test
    void aStreamResumedWithLastEventIdFirstSendsWhatChangedAfterIt() throws Exception {
        EngineFixtures.Patient p = EngineFixtures.newPatient(jdbc);
        LocalDate day = EngineFixtures.evening();
        Instant start = EngineFixtures.lateEvening(day);
        EngineFixtures.publish(
                p.deviceId(),
                EngineFixtures.batches(Signals.twoHours(start), start, 0, List.of(600 * Signals.RATE_HZ)));
        awaitBothDaysScored(p);

        // From the beginning: both days, each once, without any new change.
        List<String> all = open(p, "0");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(lastEventOf(all, day)).isNotEmpty();
            assertThat(lastEventOf(all, day.plusDays(1))).isNotEmpty();
        });
        String lastId = all.stream()
                .filter(l -> l.startsWith("id:"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .substring(3)
                .strip();

        // After the last id: nothing old again, but what changes from now on.
        List<String> resumed = open(p, lastId);
        await().during(Duration.ofMillis(2500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> resumed.stream().noneMatch(l -> l.startsWith("data:")));
        announce(p.id(), "2030-01-03");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(resumed).anyMatch(l -> l.startsWith("data:") && l.contains("2030-01-03")));

        as(Tokens.patient(p.id()))
                .header("Last-Event-ID", "yesterday")
                .get("/api/v1/patients/" + p.id() + "/events")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("Last-Event-ID"));
    }

    @Test
    void aStreamSendsAtMostOneEventASecondHoweverManyDaysChange() throws Exception {
        EngineFixtures.Patient p = EngineFixtures.newPatient(jdbc);
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/patients/" + p.id() + "/events"))
                .header("Authorization", "Bearer " + Tokens.patient(p.id()))
                .header("Accept", "text/event-stream")
                .build();
        CompletableFuture<Void> stream = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(
                        r -> r.body().filter(l -> l.startsWith("data:")).forEach(l -> arrivals.add(System.nanoTime())));
        // Subscribing takes a moment: announce until the first is heard, then four more days at once.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            announce(p.id(), "2030-02-01");
            assertThat(arrivals).isNotEmpty();
        });
        for (int d = 2; d <= 5; d++) {
            announce(p.id(), "2030-02-0" + d);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> arrivals.size() >= 5);
        for (int i = 1; i < arrivals.size(); i++) {
            assertThat(arrivals.get(i) - arrivals.get(i - 1))
                    .as("nanoseconds between events %d and %d", i - 1, i)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(900).toNanos());
        }
        stream.cancel(true);
    }

    /** Until the engine has written both days of the evening it played and left none of them marked. */
    private void awaitBothDaysScored(EngineFixtures.Patient p) {
        await().atMost(EngineFixtures.SCORED)
                .until(() -> jdbc.count("select count(*) from day_summary where patient_id = ?::uuid", p.id()) == 2
                        && jdbc.count("select count(*) from day_dirty where patient_id = ?::uuid", p.id()) == 0);
    }

    /** The last data line whose event is about {@code date}, or an empty string while there is none. */
    private static String lastEventOf(List<String> lines, LocalDate date) {
        return lines.stream()
                .filter(l -> l.startsWith("data:") && l.contains("\"date\":\"" + date + "\""))
                .reduce((a, b) -> b)
                .orElse("");
    }

    private List<String> open(EngineFixtures.Patient p, String lastEventId) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/patients/" + p.id() + "/events"))
                .header("Authorization", "Bearer " + Tokens.patient(p.id()))
                .header("Accept", "text/event-stream")
                .header("Last-Event-ID", lastEventId)
                .build();
        HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(lines::add));
        return lines;
    }

    private void announce(String patientId, String date) {
        jdbc.one("select pg_notify(?, ?)", rs -> rs.getString(1), DayNotices.CHANNEL, patientId + " day " + date);
    }

    @Test
    void eventsAreAuthorisedAsTheRestOfThePatientsData() {
        EngineFixtures.Patient p = EngineFixtures.newPatient(jdbc);
        String path = "/api/v1/patients/" + p.id() + "/events";
        given().get(path).then().statusCode(401);
        as(Tokens.admin()).get(path).then().statusCode(403);
        as(Clinic.newPhysio().token()).get(path).then().statusCode(404);
        as(Tokens.patient(EngineFixtures.newPatient(jdbc).id()))
                .get(path)
                .then()
                .statusCode(404);
    }
}
