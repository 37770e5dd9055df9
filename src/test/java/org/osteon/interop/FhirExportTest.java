package org.osteon.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
    void moderateAndVigorousMinutesComeApartWhereTheCutPointsDefineVigorous() {
        ScoredDay split = day("2026-10-01", 14, 100, 42.5, null);
        split = new ScoredDay(
                split.date(),
                split.wearHours(),
                split.wearMinutes(),
                split.enmoMg(),
                split.mvpaMinutes(),
                12.0,
                split.mvpaBoutedMinutes(),
                split.steps(),
                split.impactsByBand(),
                split.impactsAtOrAbove(),
                split.osteogenicIndex(),
                split.dailyStressStimulus(),
                split.sedentaryMinutes(),
                split.longestSedentaryBoutMinutes(),
                split.wakingSedentaryMinutes(),
                split.wakingLongestSedentaryBoutMinutes(),
                split.resistanceSessions(),
                split.relativeAmplitude(),
                split.rolling7d(),
                split.provenance(),
                split.estimatedPeakGrf());
        // Cut points without a vigorous threshold leave vigorous null: MVPA only.
        ScoredDay whole = day("2026-10-02", 14, 100, 30.0, null);
        Bundle b = FhirExport.bundle(PATIENT, VIENNA, List.of(split, whole), 10, List.of(), List.of(), NOW);

        List<Observation> moderate = observations(b).stream()
                .filter(o -> o.getCode().hasCoding(FhirExport.LOINC, "77592-4"))
                .toList();
        List<Observation> vigorous = observations(b).stream()
                .filter(o -> o.getCode().hasCoding(FhirExport.LOINC, "77593-2"))
                .toList();
        assertThat(moderate).hasSize(1);
        assertThat(vigorous).hasSize(1);
        assertThat(moderate.get(0).getValueQuantity().getValue()).isEqualByComparingTo("30.5");
        assertThat(moderate.get(0).getValueQuantity().getCode()).isEqualTo("min");
        assertThat(moderate.get(0).getValueQuantity().getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(moderate.get(0).getEffectiveDateTimeType().getValueAsString())
                .isEqualTo("2026-10-01");
        assertThat(vigorous.get(0).getValueQuantity().getValue()).isEqualByComparingTo("12.0");
        assertThat(vigorous.get(0).getValueQuantity().getCode()).isEqualTo("min");
        // Moderate and vigorous add up to the day's MVPA.
        Observation mvpa = observations(b).stream()
                .filter(o -> o.getCode().hasCoding(FhirExport.LOINC, "68516-4"))
                .findFirst()
                .orElseThrow();
        assertThat(moderate.get(0)
                        .getValueQuantity()
                        .getValue()
                        .add(vigorous.get(0).getValueQuantity().getValue()))
                .isEqualByComparingTo(mvpa.getValueQuantity().getValue());
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

    static ScoredDay day(String date, double wearHours, Double mvpa, int resistanceSessions) {
        ScoredDay d = day(date, wearHours, 100, mvpa, null);
        return new ScoredDay(
                d.date(),
                d.wearHours(),
                d.wearMinutes(),
                d.enmoMg(),
                d.mvpaMinutes(),
                null,
                null,
                d.steps(),
                Map.of(),
                Map.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                resistanceSessions,
                null,
                null,
                Map.of(),
                null);
    }

    static List<Observation> weekly(Bundle b, String loinc) {
        return observations(b).stream()
                .filter(o -> o.getCode().hasCoding(FhirExport.LOINC, loinc))
                .toList();
    }

    static int validDays(Observation o) {
        return ((Quantity) o.getComponent().stream()
                        .filter(c -> c.getCode().hasCoding(FhirExport.OSTEON_SYSTEM, FhirExport.VALID_DAYS))
                        .findFirst()
                        .orElseThrow()
                        .getValue())
                .getValue()
                .intValueExact();
    }

    /** Seven days from {@code monday}: wear hours, MVPA and resistance sessions per day. */
    static List<ScoredDay> week(String monday, double[] wear, double[] mvpa, int[] resistance) {
        LocalDate m = LocalDate.parse(monday);
        List<ScoredDay> days = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            days.add(day(m.plusDays(i).toString(), wear[i], mvpa[i], resistance[i]));
        }
        return days;
    }

    @Test
    void aCompleteWeekWithEveryDayValidGetsTheSumOfItsMvpaAndItsStrengthDays() {
        // Monday 2026-11-23 to Sunday 2026-11-29, read as a whole, ended before NOW_DEC.
        List<ScoredDay> days = week(
                "2026-11-23",
                new double[] {14, 14, 14, 14, 14, 14, 14},
                new double[] {30, 20.5, 10, 0, 40, 60, 15},
                new int[] {1, 0, 0, 1, 0, 0, 0});
        Bundle b = FhirExport.bundle(
                PATIENT,
                VIENNA,
                days,
                10,
                new FhirExport.Weeks(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-29"), 4),
                List.of(),
                List.of(),
                Instant.parse("2026-12-04T09:00:00Z"));
        Observation mvpa = weekly(b, "82290-8").get(0);
        assertThat(weekly(b, "82290-8")).hasSize(1);
        assertThat(mvpa.getValueQuantity().getValue()).isEqualByComparingTo("175.5");
        assertThat(mvpa.getValueQuantity().getCode()).isEqualTo("min/wk");
        assertThat(mvpa.getEffectivePeriod().getStartElement().getValueAsString())
                .isEqualTo("2026-11-23");
        assertThat(mvpa.getEffectivePeriod().getEndElement().getValueAsString()).isEqualTo("2026-11-29");
        assertThat(validDays(mvpa)).isEqualTo(7);
        assertThat(wear(mvpa)).isEqualTo(58.3);
        Observation strength = weekly(b, "82291-6").get(0);
        assertThat(strength.getValueQuantity().getValue()).isEqualByComparingTo("2");
        assertThat(strength.getValueQuantity().getCode()).isEqualTo("d/wk");
        assertThat(validDays(strength)).isEqualTo(7);
        assertThat(mvpa.getIdElement().getIdPart())
                .isNotEqualTo(strength.getIdElement().getIdPart())
                .isNotEqualTo(observations(b).get(0).getIdElement().getIdPart());
    }

    @Test
    void aWeekWithTooFewValidDaysHasNoWeeklyObservationAndItsValueIsNeverScaledUp() {
        double[] mvpa = {30, 30, 30, 30, 30, 30, 30};
        int[] none = new int[7];
        FhirExport.Weeks rule = new FhirExport.Weeks(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-29"), 4);
        Instant after = Instant.parse("2026-12-04T09:00:00Z");
        // Three valid days of seven: no weekly Observation, though each valid day has its own.
        Bundle three = FhirExport.bundle(
                PATIENT,
                VIENNA,
                week("2026-11-23", new double[] {14, 14, 14, 9, 9, 2, 0}, mvpa, none),
                10,
                rule,
                List.of(),
                List.of(),
                after);
        assertThat(weekly(three, "82290-8")).isEmpty();
        assertThat(weekly(three, "82291-6")).isEmpty();
        assertThat(weekly(three, "68516-4")).hasSize(3);
        // Four valid days: the sum over those four, 120, not 4/7 scaled to 210.
        Bundle four = FhirExport.bundle(
                PATIENT,
                VIENNA,
                week("2026-11-23", new double[] {14, 14, 14, 14, 9, 2, 0}, mvpa, none),
                10,
                rule,
                List.of(),
                List.of(),
                after);
        assertThat(weekly(four, "82290-8")).singleElement().satisfies(o -> {
            assertThat(o.getValueQuantity().getValue()).isEqualByComparingTo("120");
            assertThat(validDays(o)).isEqualTo(4);
        });
        // A week only partly read (the range starts on its Tuesday) is not a complete week.
        Bundle partly = FhirExport.bundle(
                PATIENT,
                VIENNA,
                week("2026-11-23", new double[] {14, 14, 14, 14, 14, 14, 14}, mvpa, none),
                10,
                new FhirExport.Weeks(LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-29"), 4),
                List.of(),
                List.of(),
                after);
        assertThat(weekly(partly, "82290-8")).isEmpty();
    }

    @Test
    void aWeekAcrossTheClockChangeIsItsOwn169HoursAndAWeekNotYetEndedIsNotEmitted() {
        // Vienna leaves summer time on Sunday 2026-10-25: that week is 169 hours long.
        List<ScoredDay> days = week(
                "2026-10-19",
                new double[] {13, 13, 13, 13, 13, 13, 13},
                new double[] {10, 10, 10, 10, 10, 10, 10},
                new int[7]);
        FhirExport.Weeks rule = new FhirExport.Weeks(LocalDate.parse("2026-10-19"), LocalDate.parse("2026-10-25"), 4);
        Bundle b = FhirExport.bundle(
                PATIENT, VIENNA, days, 10, rule, List.of(), List.of(), Instant.parse("2026-10-25T23:00:00Z"));
        Observation mvpa = weekly(b, "82290-8").get(0);
        assertThat(mvpa.getValueQuantity().getValue()).isEqualByComparingTo("70");
        assertThat(wear(mvpa))
                .isEqualTo(BigDecimal.valueOf(91 * 100.0 / 169)
                        .setScale(1, RoundingMode.HALF_UP)
                        .doubleValue());
        // One second earlier the week's Sunday, in Vienna, has not ended: no weekly Observation.
        Bundle running = FhirExport.bundle(
                PATIENT, VIENNA, days, 10, rule, List.of(), List.of(), Instant.parse("2026-10-25T22:59:59Z"));
        assertThat(weekly(running, "82290-8")).isEmpty();
        assertThat(weekly(running, "82291-6")).isEmpty();
        assertThat(weekly(running, "68516-4")).hasSize(7);
    }
}
