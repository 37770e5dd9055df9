package org.osteon.scoring.circadian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.osteon.scoring.intensity.Intensity;
import org.osteon.scoring.pipeline.EpochResult;
import org.osteon.scoring.pipeline.ScoringParams;

/** Synthetic 1-min epochs fed straight into the analyser; UTC so clock hours are simple. */
class CircadianAnalyzerTest {

    static final ZoneId UTC = ZoneOffset.UTC;
    static final long MIDNIGHT =
            LocalDate.of(2026, 3, 2).atStartOfDay(UTC).toInstant().toEpochMilli();
    static final double DAY_MINUTES = 24 * 60;

    static CircadianAnalyzer analyse(CircadianParams settings, int days, LongToDoubleFunction enmoAtMinute) {
        ScoringParams params =
                ScoringParams.builder(30).epochSeconds(60).circadian(settings).build();
        CircadianAnalyzer analyzer = new CircadianAnalyzer(params, UTC);
        for (long m = 0; m < days * 24 * 60L; m++) {
            analyzer.add(new EpochResult(
                    MIDNIGHT + m * 60_000,
                    enmoAtMinute.applyAsDouble(m),
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    Intensity.LIGHT,
                    false,
                    0));
        }
        return analyzer;
    }

    static double sine(long minute) {
        return 50 + 40 * Math.sin(2 * Math.PI * minute / DAY_MINUTES);
    }

    static CircadianParams continuous() {
        return new CircadianParams(false, Double.NaN, false, 3, 0.5);
    }

    @Test
    void sineOverSevenDaysIsStableAndSmooth() {
        Circadian c =
                analyse(continuous(), 7, CircadianAnalyzerTest::sine).result().orElseThrow();

        assertEquals(1.0, c.interdailyStability(), 1e-9, "every day is the same");
        assertTrue(c.intradailyVariability() < 0.1, "IV " + c.intradailyVariability());
        assertEquals(7 * 24, c.hours());
    }

    @Test
    void binarisedSineIsStableAndIvIsThatOfASquareWave() {
        Circadian c = analyse(CircadianParams.DEFAULT, 7, CircadianAnalyzerTest::sine)
                .result()
                .orElseThrow();

        assertEquals(1.0, c.interdailyStability(), 1e-9);
        // Binarised at 40 mg the sine is 1 for about 15.2 h a day with two transitions a day:
        // IV = N Σ d² / ((N − 1) Σ (x − x̄)²) ≈ 2 / (24 p (1 − p)) ≈ 0.37, far from noise's 2.
        assertEquals(0.37, c.intradailyVariability(), 0.05);
    }

    @Test
    void whiteNoiseHasIvNearTwo() {
        Random random = new Random(42);
        double[] hourly = new double[14 * 24];
        for (int h = 0; h < hourly.length; h++) {
            hourly[h] = 100 * random.nextDouble();
        }

        Circadian c =
                analyse(continuous(), 14, m -> hourly[(int) (m / 60)]).result().orElseThrow();

        assertEquals(2.0, c.intradailyVariability(), 0.3);
        assertTrue(c.interdailyStability() < 0.2, "IS " + c.interdailyStability());
    }

    @Test
    void binarisedWhiteNoiseHasIvNearTwo() {
        Random random = new Random(43);

        Circadian c = analyse(CircadianParams.DEFAULT, 14, m -> random.nextBoolean() ? 0 : 80)
                .result()
                .orElseThrow();

        assertEquals(2.0, c.intradailyVariability(), 0.3);
    }

    @Test
    void fewerThanThreeDaysGiveNoResult() {
        assertTrue(
                analyse(continuous(), 2, CircadianAnalyzerTest::sine).result().isEmpty());
    }

    @Test
    void m10AndL5FindTheActiveAndQuietParts() {
        Circadian c =
                analyse(continuous(), 3, CircadianAnalyzerTest::sine).result().orElseThrow();

        // Sine peaks at 06:00 and bottoms at 18:00: M10 centred on 06:00, L5 on 18:00.
        assertEquals(60, c.m10StartMinute());
        assertEquals(18 * 60 - 150, c.l5StartMinute());
        // Mean of 50 + 40 sin over 10 h around the peak: 50 + 40 sin(5π/12) / (5π/12); L5 likewise.
        assertEquals(50 + 40 * Math.sin(5 * Math.PI / 12) / (5 * Math.PI / 12), c.m10Mg(), 0.05);
        assertEquals(50 - 40 * Math.sin(5 * Math.PI / 24) / (5 * Math.PI / 24), c.l5Mg(), 0.05);
        assertEquals((c.m10Mg() - c.l5Mg()) / (c.m10Mg() + c.l5Mg()), c.relativeAmplitude(), 1e-12);
    }

    @Test
    void m10WrapsPastMidnightOnlyWhenAsked() {
        LongToDoubleFunction nightOwl = m -> {
            double hour = (m % (24 * 60)) / 60.0;
            return hour >= 19 || hour < 5 ? 100 : 10;
        };

        Circadian noWrap = analyse(continuous(), 3, nightOwl).result().orElseThrow();
        Circadian wrap = analyse(new CircadianParams(false, Double.NaN, true, 3, 0.5), 3, nightOwl)
                .result()
                .orElseThrow();

        assertEquals(19 * 60, wrap.m10StartMinute());
        assertEquals(100.0, wrap.m10Mg(), 1e-9);
        assertTrue(noWrap.m10Mg() < 100, "without wrap no 10-h window holds only active hours");
    }

    @Test
    void missingHoursStayMissing() {
        CircadianParams settings = continuous();
        ScoringParams params =
                ScoringParams.builder(30).epochSeconds(60).circadian(settings).build();
        CircadianAnalyzer analyzer = new CircadianAnalyzer(params, UTC);
        for (long m = 0; m < 4 * 24 * 60L; m++) {
            boolean offForHour30 = m / 60 == 30;
            analyzer.add(new EpochResult(
                    MIDNIGHT + m * 60_000, sine(m), 0, 0, 0, 0, 0, 0, 0, Intensity.LIGHT, offForHour30, 0));
        }

        Circadian c = analyzer.result().orElseThrow();

        assertEquals(4 * 24 - 1, c.hours());
        assertEquals(1.0, c.interdailyStability(), 1e-9, "a missing hour is neither imputed nor pushes IS past 1");
    }
}
