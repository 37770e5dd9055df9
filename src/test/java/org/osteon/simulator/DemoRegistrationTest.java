package org.osteon.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.osteon.support.Tokens.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.TestClock;

/**
 * The demo's registrations over the real API: a run prescribes programs to its own patients only
 * (a second run on the same database leaves the first run's patients, and any made by hand,
 * alone), accepts its devices' history, and every URL it prints answers as printed.
 */
@QuarkusTest
class DemoRegistrationTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void aRunPrescribesOnlyItsOwnPatientsAndEveryUrlItPrintsWorks() throws Exception {
        Physio physio = Clinic.newPhysio();
        String byHand = Clinic.newPatientOf(physio, "UTC");
        LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(ZoneOffset.UTC));
        LocalDate firstDay = today.minusDays(3);
        Instant historyStart = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        String prefix = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        String[] args = {
            "--service",
            base.toString(),
            "--token",
            physio.token(),
            "--prefix",
            prefix,
            "--devices",
            "2",
            "--history-days",
            "3",
            "--habits",
            "fading,overdoing",
            "--programs",
            "who-2020,liftmor",
            "--silent",
            "1"
        };

        List<String> first =
                SimulatorCommand.register(SimulatorArguments.parse(args, TestClock.CLOCK), historyStart, firstDay);
        String[] again = args.clone();
        again[5] = prefix + "-again";
        List<String> second =
                SimulatorCommand.register(SimulatorArguments.parse(again, TestClock.CLOCK), historyStart, firstDay);

        assertThat(first).hasSize(3).doesNotContain(byHand).doesNotContainAnyElementsOf(second);
        for (List<String> run : List.of(first, second)) {
            for (int i = 0; i < run.size(); i++) {
                as(physio.token())
                        .get("/api/v1/patients/" + run.get(i) + "/program/versions")
                        .then()
                        .statusCode(200)
                        .body("total", is(1))
                        .body("items[0].templateId", is(i % 2 == 0 ? "who-2020" : "liftmor"))
                        .body("items[0].effectiveFrom", is(firstDay.toString()));
            }
        }
        // The patient made by hand has no program, as before either run.
        as(physio.token())
                .get("/api/v1/patients/" + byHand + "/program/versions")
                .then()
                .body("total", is(0));
        // The wearables accept their history; the silent device, which never sends, is registered as is.
        as(physio.token())
                .get("/api/v1/devices/" + prefix + "-0")
                .then()
                .statusCode(200)
                .body("recordingsFrom", is(historyStart.toString()));
        as(physio.token())
                .get("/api/v1/patients/" + first.get(2) + "/devices")
                .then()
                .statusCode(200)
                .body("[0].deviceId", is(prefix + "-silent-0"))
                .body(
                        "[0].recordingsFrom",
                        is(as(physio.token())
                                .get("/api/v1/devices/" + prefix + "-silent-0")
                                .path("registeredAt")
                                .toString()));

        List<String> lines = SimulatorCommand.whereToLook(SimulatorArguments.parse(args, TestClock.CLOCK), first);
        List<String> urls = lines.stream()
                .filter(l -> l.contains("http"))
                .map(l -> l.substring(l.indexOf("http")))
                .toList();
        assertThat(urls).hasSize(7).doesNotHaveDuplicates();
        for (String url : urls) {
            String path = url.substring(base.toString().length() - 1);
            as(physio.token()).redirects().follow(true).get(path).then().statusCode(200);
        }
        as(physio.token())
                .get(urls.get(1).substring(base.toString().length() - 1))
                .then()
                .body("items.find { it.patientId == '" + byHand + "' }.flags[0]", is("no_program"))
                .body("items.find { it.patientId == '" + first.get(0) + "' }.lastSyncAt", nullValue());
    }
}
