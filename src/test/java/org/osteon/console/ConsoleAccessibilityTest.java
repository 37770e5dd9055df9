package org.osteon.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.support.Browser;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.DayRows;
import org.osteon.support.DayRows.Day;
import org.osteon.support.TestClock;

/**
 * Every console page, filled with a patient's days, a program, an open alert and a mood answer, checked in
 * Debian's Chromium by axe-core against WCAG 2.1 levels A and AA (contrast, labels, names,
 * landmarks, ARIA): none may have a violation. Keyboard use and reading order are checked by the
 * pages' own tests and by looking at them.
 */
@QuarkusTest
class ConsoleAccessibilityTest {
    @TestHTTPResource("/")
    URL base;

    @Inject
    Jdbc jdbc;

    @Test
    void everyPageMeetsWcag21AaAsFarAsAxeCanTell() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "Europe/Vienna", "Ada Access");
        Clinic.newPatientOf(physio, "UTC", "Bo Blank");
        LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(ZoneId.of("Europe/Vienna")));
        Clinic.prescribe(
                physio,
                patient,
                Map.of(
                        "reason",
                        "walking daily",
                        "components",
                        List.of(Map.of("kind", "steps", "stepsPerDay", 6000, "daysPerWeek", 7))));
        DayRows rows = new DayRows(jdbc, patient);
        for (int i = 1; i <= 10; i++) {
            rows.insert(new Day(
                    today.minusDays(i).toString(), 10 + i % 4, 4000 + 500 * i, 20.0 + i, 45.0, Map.of("4.2", i)));
        }
        jdbc.update(
                "insert into alert (id, patient_id, rule, episode, raised_at, message, details) values "
                        + "(?, ?, 'no_sync', 'a11y', ?, 'No data synced for 2.0 days', '{}'::jsonb)",
                UUID.randomUUID(),
                UUID.fromString(patient),
                TestClock.CLOCK.instant().minus(Duration.ofHours(3)));

        org.osteon.support.Tokens.as(org.osteon.support.Tokens.patient(patient))
                .contentType("application/json")
                .body(Map.of(
                        "questionnaire",
                        "phq-9",
                        "answers",
                        List.of(1, 2, 1, 1, 0, 1, 1, 0, 0),
                        "answeredAt",
                        TestClock.CLOCK.instant().minus(Duration.ofHours(5)).toString()))
                .put("/api/v1/patients/" + patient + "/questionnaire-responses/" + UUID.randomUUID())
                .then()
                .statusCode(201);

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("start", "/");
        pages.put("signed out", "/console");
        pages.put("triage", "/console");
        pages.put("patient", "/console/patients/" + patient);
        pages.put("day", "/console/patients/" + patient + "/days/" + today.minusDays(1));
        pages.put("program editor", "/console/patients/" + patient + "/program");
        pages.put("program versions", "/console/patients/" + patient + "/program/versions");
        pages.put("alerts", "/console/alerts");
        pages.put("not found", "/console/patients/" + UUID.randomUUID());

        Map<String, List<String>> violations = new LinkedHashMap<>();
        try (Browser browser = new Browser()) {
            for (var page : pages.entrySet()) {
                if (page.getKey().equals("triage")) {
                    browser.open(base, Clinic.consoleSignInPath(physio));
                }
                browser.open(base, page.getValue());
                violations.put(page.getKey(), browser.accessibilityViolations());
            }
            // The check itself works: an unlabelled field and pale text on the last page are found.
            browser.driver()
                    .executeScript(
                            "const f = document.createElement('input'); document.getElementById('main').append(f);"
                                    + "const p = document.createElement('p'); p.textContent = 'pale'; p.style.color = '#ddd';"
                                    + "document.getElementById('main').append(p);");
            assertThat(browser.accessibilityViolations())
                    .anyMatch(v -> v.startsWith("label:"))
                    .anyMatch(v -> v.startsWith("color-contrast:"));
        }
        assertThat(violations)
                .allSatisfy((page, found) -> assertThat(found).as(page).isEmpty());
    }
}
