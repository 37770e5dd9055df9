package org.osteon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
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
import org.osteon.support.Clinic;
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
        EngineTest.Patient p = EngineTest.newPatient(jdbc);
        EngineTest.Patient other = EngineTest.newPatient(jdbc);
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/patients/" + p.id() + "/events"))
                .header("Authorization", "Bearer " + Tokens.patient(p.id())).header("Accept", "text/event-stream")
                .build();
        CompletableFuture<HttpResponse<Stream<String>>> stream = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(r -> r.body().forEach(lines::add));

        LocalDate day = EngineTest.evening();
        Instant start = EngineTest.lateEvening(day);
        Signals signal = Signals.twoHours(start);
        EngineTest.publish(other.deviceId(), EngineTest.batches(signal, start, 0, List.of(600 * Signals.RATE_HZ)));
        EngineTest.publish(p.deviceId(), EngineTest.batches(signal, start, 0, List.of(600 * Signals.RATE_HZ)));

        await().atMost(EngineTest.SCORED).untilAsserted(() -> assertThat(lines)
                .anyMatch(l -> l.startsWith("data:") && l.contains(p.id()) && l.contains("\"kind\":\"day\"")
                        && l.contains(day.toString()))
                .anyMatch(l -> l.startsWith("data:") && l.contains(day.plusDays(1).toString())));

        // A new program changes adherence from its effective date on: today, the day after the evening.
        Clinic.prescribe(p.physio(), p.id(), Map.of("reason", "walking", "components",
                List.of(Map.of("kind", "steps", "stepsPerDay", 6000, "daysPerWeek", 5))));
        LocalDate today = EngineTest.today();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(lines)
                .anyMatch(l -> l.startsWith("data:") && l.contains("\"kind\":\"program\"") && l.contains(today.toString())));
        assertThat(stream.get().statusCode()).isEqualTo(200);
        assertThat(lines).noneMatch(l -> l.contains(other.id()));
        stream.cancel(true);
    }

    @Test
    void aPhysiotherapistUnassignedWhileTheirStreamIsOpenGetsNothingMoreAndTheStreamEnds() throws Exception {
        EngineTest.Patient p = EngineTest.newPatient(jdbc);
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/patients/" + p.id() + "/events"))
                .header("Authorization", "Bearer " + p.physio().token()).header("Accept", "text/event-stream").build();
        CompletableFuture<Void> ended = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(lines::add));

        // Changes as the scoring instance announces them; subscribing takes a moment, so announce until heard.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            announce(p.id(), "2030-01-01");
            assertThat(lines).anyMatch(l -> l.contains("2030-01-01"));
        });
        as(Tokens.admin()).delete("/api/v1/physiotherapists/" + p.physio().id() + "/patients/" + p.id())
                .then().statusCode(204);
        announce(p.id(), "2030-01-02");

        await().atMost(Duration.ofSeconds(20)).until(ended::isDone);
        assertThat(lines).noneMatch(l -> l.contains("2030-01-02"));
    }

    private void announce(String patientId, String date) {
        jdbc.one("select pg_notify(?, ?)", rs -> rs.getString(1), DayChanges.CHANNEL, patientId + " day " + date);
    }

    @Test
    void eventsAreAuthorisedAsTheRestOfThePatientsData() {
        EngineTest.Patient p = EngineTest.newPatient(jdbc);
        String path = "/api/v1/patients/" + p.id() + "/events";
        given().get(path).then().statusCode(401);
        as(Tokens.admin()).get(path).then().statusCode(403);
        as(Clinic.newPhysio().token()).get(path).then().statusCode(404);
        as(Tokens.patient(EngineTest.newPatient(jdbc).id())).get(path).then().statusCode(404);
    }
}
