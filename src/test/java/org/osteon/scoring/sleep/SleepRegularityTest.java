package org.osteon.scoring.sleep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SleepRegularityTest {

    private static final SleepParams P = SleepParams.DEFAULT;

    /** A 6-h window whose midpoint is at {@code midpoint}. */
    private static SleepWindow at(String midpoint) {
        Instant mid = Instant.parse(midpoint);
        return new SleepWindow(
                mid.minus(Duration.ofHours(3)),
                mid.plus(Duration.ofHours(3)),
                360,
                mid,
                0.2,
                SleepWindowDetector.provenance(P));
    }

    @Test
    void sdOfMidpointsInMinutes() {
        MidpointVariability v = SleepRegularity.of(
                        P,
                        List.of(at("2026-03-03T02:00:00Z"), at("2026-03-04T03:00:00Z"), at("2026-03-05T04:00:00Z")),
                        ZoneOffset.UTC)
                .orElseThrow();
        assertEquals(3, v.nights());
        assertEquals(15 * 60, v.meanMinutesAfterNoon(), 1e-9); // 03:00 is 900 min after noon
        assertEquals(60, v.sdMinutes(), 1e-9); // 840, 900, 960: sample SD 60
        assertEquals("sleep-midpoint-sd", v.provenance().algorithm());
        assertEquals(SleepRegularity.DEFINITION, v.provenance().parameters().get("definition"));
        assertEquals("Z", v.provenance().parameters().get("zone"));
    }

    @Test
    void midpointsEitherSideOfMidnightAreMinutesApartNotAlmostADay() {
        MidpointVariability v = SleepRegularity.of(
                        P,
                        List.of(at("2026-03-02T23:50:00Z"), at("2026-03-04T00:10:00Z"), at("2026-03-05T00:00:00Z")),
                        ZoneOffset.UTC)
                .orElseThrow();
        assertEquals(12 * 60, v.meanMinutesAfterNoon(), 1e-9);
        assertEquals(10, v.sdMinutes(), 1e-9);
    }

    @Test
    void minutesAreCountedInThePatientsZone() {
        // 01:00 UTC is 02:00 in Vienna in winter: 840 min after the local noon.
        assertEquals(
                840, SleepRegularity.minutesAfterNoon(at("2026-01-10T01:00:00Z"), ZoneId.of("Europe/Vienna")), 1e-9);
    }

    @Test
    void fewerThanThreeNightsGiveNone() {
        assertTrue(
                SleepRegularity.of(P, List.of(at("2026-03-03T02:00:00Z"), at("2026-03-04T03:00:00Z")), ZoneOffset.UTC)
                        .isEmpty());
    }

    @Test
    void aSimulatedWeek() {
        SimulatedNights s = SimulatedNights.planned(11, LocalDate.of(2026, 3, 2), 8);
        List<SleepWindow> nights = new ArrayList<>();
        double[] planned = new double[7];
        for (int d = 0; d < 7; d++) {
            nights.add(s.night(P, d).orElseThrow());
            Instant onset = s.plannedOnset(d);
            Instant mid = onset.plus(Duration.between(onset, s.plannedWake(d)).dividedBy(2));
            planned[d] = SleepRegularity.minutesAfterNoon(at(mid.toString()), ZoneOffset.UTC);
        }
        double mean = 0;
        for (double m : planned) {
            mean += m / planned.length;
        }
        double ss = 0;
        for (double m : planned) {
            ss += (m - mean) * (m - mean);
        }
        MidpointVariability v = SleepRegularity.of(P, nights, ZoneOffset.UTC).orElseThrow();
        assertEquals(7, v.nights());
        // Each midpoint is within 5 min of the plan's (onset and wake each within 5 min).
        assertEquals(Math.sqrt(ss / 6), v.sdMinutes(), 5.0);
        assertEquals(mean, v.meanMinutesAfterNoon(), 5.0);
    }
}
