package org.osteon.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.osteon.engine.ScoredDay;
import org.osteon.interop.FhirExport.DeviceSpan;

/**
 * The FHIR Bundle built without the application: wear as a share of a 23- or 25-hour day, the
 * device a day names when devices change, values a day lacks left out, and ids that depend on
 * the patient, day and metric only.
 */
class FhirExportTest {
    static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    static final UUID PATIENT = UUID.fromString("5f0c2b8e-1d2a-4c3b-9e8f-0a1b2c3d4e5f");
    static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

    static ScoredDay day(String date, double wearHours, Integer steps, Double mvpa, Double dss) {
        return new ScoredDay(
                LocalDate.parse(date),
                wearHours,
                wearHours * 60,
                30.0,
                mvpa,
                null,
                steps,
                Map.of(),
                Map.of(),
                null,
                dss,
                null,
                null,
                null,
                null,
                0,
                null,
                null,
                Map.of(),
                null);
    }

    static List<Observation> observations(Bundle b) {
        return b.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Observation.class::isInstance)
                .map(Observation.class::cast)
                .toList();
    }

    static double wear(Observation o) {
        return ((Quantity) o.getComponent().stream()
                        .filter(c -> c.getCode().hasCoding(FhirExport.PA_TEMPORARY_CODES, "DeviceActivePercentage"))
                        .findFirst()
                        .orElseThrow()
                        .getValue())
                .getValue()
                .doubleValue();
    }

    @Test
    void wearIsAShareOfTheLocalDaysOwnLength() {
        // Vienna leaves summer time on 2026-10-25 (25 hours) and enters it on 2027-03-28 (23 hours).
        Bundle b = FhirExport.bundle(
                PATIENT,
                VIENNA,
                List.of(
                        day("2026-10-24", 12, 100, null, null),
                        day("2026-10-25", 12.5, 100, null, null),
                        day("2027-03-28", 11.5, 100, null, null)),
                10,
                List.of(),
                List.of(),
                NOW);
        assertThat(observations(b).stream().map(FhirExportTest::wear)).containsExactly(50.0, 50.0, 50.0);
    }

    @Test
    void aDayNamesTheLatestRegisteredDeviceThatCoveredIt() {
        List<DeviceSpan> devices = List.of(
                new DeviceSpan(
                        "old", "m1", Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-10-10T12:00:00Z")),
                new DeviceSpan("new", "m2", Instant.parse("2026-10-10T12:00:00Z"), null));
        Bundle b = FhirExport.bundle(
                PATIENT,
                VIENNA,
                List.of(
                        day("2026-10-01", 14, 100, null, null),
                        day("2026-10-10", 14, 100, null, null),
                        day("2026-10-20", 14, 100, null, null)),
                10,
                devices,
                List.of(),
                NOW);
        Map<String, String> byUrl = new java.util.HashMap<>();
        b.getEntry().stream()
                .filter(e -> e.getResource() instanceof Device)
                .forEach(e -> byUrl.put(
                        e.getFullUrl(),
                        ((Device) e.getResource()).getIdentifierFirstRep().getValue()));
        assertThat(observations(b).stream().map(o -> byUrl.get(o.getDevice().getReference())))
                .containsExactly("old", "new", "new");
        // A day before any device has no device reference rather than a wrong one.
        Bundle before = FhirExport.bundle(
                PATIENT, VIENNA, List.of(day("2026-08-01", 14, 100, null, null)), 10, devices, List.of(), NOW);
        assertThat(observations(before).get(0).hasDevice()).isFalse();
        assertThat(before.getEntry()).hasSize(1);
    }

    @Test
    void aDayWithoutAValueOrWithTooLittleWearHasNoObservationForIt() {
        Bundle b = FhirExport.bundle(
                PATIENT,
                VIENNA,
                List.of(day("2026-10-01", 14, null, 30.0, Double.NaN), day("2026-10-02", 9.9, 100, 30.0, 5.0)),
                10,
                List.of(),
                List.of(),
                NOW);
        assertThat(observations(b).stream()
                        .map(o -> o.getCode().getCodingFirstRep().getCode()))
                .containsExactly("68516-4");
    }

    @Test
    void idsDependOnThePatientTheDayAndTheMetricOnly() {
        List<ScoredDay> days = List.of(day("2026-10-01", 14, 100, 30.0, null), day("2026-10-02", 14, 200, 20.0, null));
        Bundle first = FhirExport.bundle(PATIENT, VIENNA, days, 10, List.of(), List.of(), NOW);
        Bundle later = FhirExport.bundle(PATIENT, VIENNA, days, 10, List.of(), List.of(), NOW.plusSeconds(3600));
        Bundle other = FhirExport.bundle(UUID.randomUUID(), VIENNA, days, 10, List.of(), List.of(), NOW);
        List<String> ids = observations(first).stream()
                .map(o -> o.getIdElement().getIdPart())
                .toList();
        assertThat(ids).hasSize(4).doesNotHaveDuplicates();
        assertThat(observations(later).stream().map(o -> o.getIdElement().getIdPart()))
                .containsExactlyElementsOf(ids);
        assertThat(observations(other).stream().map(o -> o.getIdElement().getIdPart()))
                .doesNotContainAnyElementsOf(ids);
    }
}
