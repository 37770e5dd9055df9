package org.osteon.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.junit.jupiter.api.Test;

/**
 * FHIR search without the application: FHIR's date prefixes against a day, a week's period and a
 * questionnaire's second; tokens with and without a system; the days a search reads, widened to
 * whole weeks and bounded; and each refusal naming its parameter.
 */
class FhirSearchTest {
    static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    static final String PATIENT = "Patient/5f0c2b8e-1d2a-4c3b-9e8f-0a1b2c3d4e5f";

    static FhirSearch.Query query(String... pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("patient", List.of(PATIENT));
        for (int i = 0; i < pairs.length; i += 2) {
            m.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return FhirSearch.parse(m, VIENNA);
    }

    static Observation day(String date) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept(new Coding(FhirExport.LOINC, "41950-7", null)));
        o.addCategory(new CodeableConcept(new Coding(FhirExport.OBSERVATION_CATEGORY, "activity", null)));
        o.setEffective(new DateTimeType(date));
        return o;
    }

    static Observation week(String monday) {
        Observation o = day(monday);
        o.setEffective(new Period()
                .setStartElement(new DateTimeType(monday))
                .setEndElement(
                        new DateTimeType(LocalDate.parse(monday).plusDays(6).toString())));
        return o;
    }

    static boolean matches(Observation o, String... pairs) {
        return query(pairs).matches(o, VIENNA);
    }

    @Test
    void datePrefixesAgainstADay() {
        Observation d = day("2026-11-25");
        assertThat(matches(d, "date", "2026-11-25")).isTrue();
        assertThat(matches(d, "date", "eq2026-11")).isTrue();
        assertThat(matches(d, "date", "2026")).isTrue();
        assertThat(matches(d, "date", "2026-11-24")).isFalse();
        assertThat(matches(d, "date", "ge2026-11-25")).isTrue();
        assertThat(matches(d, "date", "gt2026-11-25")).isFalse();
        assertThat(matches(d, "date", "gt2026-11-24")).isTrue();
        assertThat(matches(d, "date", "le2026-11-25")).isTrue();
        assertThat(matches(d, "date", "lt2026-11-25")).isFalse();
        assertThat(matches(d, "date", "ge2026-11-20", "date", "le2026-11-30")).isTrue();
        assertThat(matches(d, "date", "ge2026-11-26", "date", "le2026-11-30")).isFalse();
        // A date-time with a zone: the local day 2026-11-25 in Vienna starts at 23:00 UTC the day before.
        assertThat(matches(d, "date", "ge2026-11-24T23:00:00Z")).isTrue();
        assertThat(matches(d, "date", "lt2026-11-24T23:00:00Z")).isFalse();
        assertThat(matches(d, "date", "lt2026-11-24T23:00:01Z")).isTrue();
    }

    @Test
    void datePrefixesAgainstAWeeksPeriodAndASecond() {
        Observation w = week("2026-11-23");
        assertThat(matches(w, "date", "2026-11-25")).isFalse();
        assertThat(matches(w, "date", "2026-11")).isTrue();
        assertThat(matches(w, "date", "ge2026-11-25")).isTrue();
        assertThat(matches(w, "date", "le2026-11-25")).isTrue();
        assertThat(matches(w, "date", "gt2026-11-29")).isFalse();
        assertThat(matches(w, "date", "lt2026-11-23")).isFalse();
        assertThat(matches(w, "date", "ge2026-11-23", "date", "le2026-11-29")).isTrue();

        Observation phq = day("2026-11-25");
        phq.setEffective(new DateTimeType("2026-11-25T18:00:00+01:00"));
        assertThat(matches(phq, "date", "2026-11-25")).isTrue();
        assertThat(matches(phq, "date", "2026-11-25T17:00:00Z")).isTrue();
        assertThat(matches(phq, "date", "gt2026-11-25T17:00:00Z")).isFalse();
        assertThat(matches(phq, "date", "2026-11-26")).isFalse();
    }

    @Test
    void tokensWithAndWithoutSystemCommaIsOrRepeatIsAnd() {
        Observation d = day("2026-11-25");
        assertThat(matches(d, "code", "41950-7")).isTrue();
        assertThat(matches(d, "code", "http://loinc.org|41950-7")).isTrue();
        assertThat(matches(d, "code", "|41950-7")).isFalse();
        assertThat(matches(d, "code", "http://example.org|41950-7")).isFalse();
        assertThat(matches(d, "code", "68516-4,41950-7")).isTrue();
        assertThat(matches(d, "code", "68516-4", "code", "41950-7")).isFalse();
        assertThat(matches(d, "category", "activity", "status", "final")).isTrue();
        assertThat(matches(d, "status", "amended")).isFalse();
    }

    @Test
    void theDaysReadAreWholeWeeksWithinTheMaximum() {
        LocalDate today = LocalDate.parse("2026-12-04"); // a Friday
        // No date: 30 days up to today, widened to Monday 2026-11-02 .. Sunday 2026-12-06.
        assertThat(query().days(VIENNA, today, 30, 366))
                .containsExactly(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-12-06"));
        assertThat(query("date", "ge2026-11-25", "date", "lt2026-11-27").days(VIENNA, today, 30, 366))
                .containsExactly(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-29"));
        // Later than today: nothing to read.
        assertThat(query("date", "ge2026-12-05T00:00:00+01:00").days(VIENNA, today, 30, 366))
                .isNull();
        assertThatThrownBy(() -> query("date", "ge2025-11-01").days(VIENNA, today, 30, 366))
                .isInstanceOf(FhirSearch.BadParameter.class)
                .satisfies(e ->
                        assertThat(((FhirSearch.BadParameter) e).parameter()).isEqualTo("date"));
    }

    @Test
    void eachRefusalNamesItsParameter() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("_count", "10");
        refused.put("code:text", "steps");
        refused.put("date", "ap2026-11-01");
        refused.put("status", "done");
        refused.put("_id", "a b");
        refused.put("category", "");
        for (var e : refused.entrySet()) {
            assertThatThrownBy(() -> query(e.getKey(), e.getValue()))
                    .isInstanceOf(FhirSearch.BadParameter.class)
                    .satisfies(x -> assertThat(((FhirSearch.BadParameter) x).parameter())
                            .isEqualTo(e.getKey()));
        }
        for (String date : List.of("2026-02-30", "1999-12-31", "2026-11-01T10:00", "2026-11-01,2026-11-02")) {
            assertThatThrownBy(() -> query("date", date))
                    .isInstanceOf(FhirSearch.BadParameter.class)
                    .hasMessageStartingWith("date:");
        }
        for (List<String> patient : List.of(List.<String>of(), List.of("Patient/x"), List.of(PATIENT, PATIENT))) {
            assertThatThrownBy(() -> FhirSearch.patient(patient))
                    .isInstanceOf(FhirSearch.BadParameter.class)
                    .hasMessageStartingWith("patient:");
        }
        assertThat(FhirSearch.patient(List.of(PATIENT.substring("Patient/".length()))))
                .hasToString(PATIENT.substring("Patient/".length()));
    }
}
