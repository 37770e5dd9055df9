package org.osteon.scoring.bone.grf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ButterworthLowPassTest {

    /**
     * Gain of the 4th-order filter run forwards and backwards: the square of one pass's
     * bilinear-transform Butterworth magnitude, 1 / (1 + (tan(π f / fs) / tan(π fc / fs))^8).
     */
    private static double expectedGain(double f, double fs) {
        double ratio = Math.tan(Math.PI * f / fs) / Math.tan(Math.PI * 20 / fs);
        return 1 / (1 + Math.pow(ratio, 8));
    }

    /** Amplitude of a sine filtered at {@code fs}, from the RMS of the middle 10 s (edges left out). */
    private static double filteredAmplitude(double f, double fs) {
        int n = (int) (fs * 14);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.sin(2 * Math.PI * f * i / fs);
        }
        double[] out = new ButterworthLowPass(4, 20, fs).filtfilt(s);
        int from = (int) (fs * 2);
        int to = from + (int) (fs * 10);
        double sumSquares = 0;
        for (int i = from; i < to; i++) {
            sumSquares += out[i] * out[i];
        }
        return Math.sqrt(2 * sumSquares / (to - from));
    }

    @ParameterizedTest
    @ValueSource(doubles = {50, 90, 100, 200, 1000})
    void fiveHertzSinePassesAtEverySupportedRate(double fs) {
        double amplitude = filteredAmplitude(5, fs);
        assertEquals(expectedGain(5, fs), amplitude, 1e-3);
        assertTrue(amplitude > 0.99, "5 Hz at " + fs + " Hz kept " + amplitude);
    }

    @ParameterizedTest
    @ValueSource(doubles = {90, 100, 200, 1000})
    void fortyHertzSineIsAttenuatedAsTheFourthOrderFilterPredicts(double fs) {
        double amplitude = filteredAmplitude(40, fs);
        // At 100 Hz: tan(0.4π) / tan(0.2π) = 4.236, 4.236^8 ≈ 1.0e5, gain ≈ 1e-5; at 200 Hz 1 / 626.
        assertEquals(expectedGain(40, fs), amplitude, 2e-4);
        assertTrue(amplitude < 0.01, "40 Hz at " + fs + " Hz kept " + amplitude);
    }

    @Test
    void cutOffIsHalvedBecauseTheFilterRunsTwice() {
        assertEquals(0.5, filteredAmplitude(20, 100), 2e-3);
    }

    @Test
    void constantGravityPassesUnchangedWithoutAStartUpTransient() {
        double[] g = new double[500];
        java.util.Arrays.fill(g, 1.0);
        double[] out = new ButterworthLowPass(4, 20, 100).filtfilt(g);
        for (double v : out) {
            assertEquals(1.0, v, 1e-9);
        }
    }

    @Test
    void cutOffMustLieBelowHalfTheSampleRate() {
        assertFalse(ButterworthLowPass.definedAt(20, 40));
        assertTrue(ButterworthLowPass.definedAt(20, 50));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new ButterworthLowPass(4, 20, 40));
        assertTrue(e.getMessage().startsWith("cutoffHz: must be above 0 and below half the sample rate"));
        assertThrows(IllegalArgumentException.class, () -> new ButterworthLowPass(3, 20, 100));
    }
}
