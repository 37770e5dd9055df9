package org.osteon.scoring.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osteon.scoring.EvalData;

class ActiGraphCountsStreamingTest {

    private static final String WRIST_100HZ = "bhelsel-agcounts/example_raw_100Hz_DERIVED.csv";

    @Test
    void oneBlockOneSecondBatchesAndRandomSplitsGiveIdenticalEpochs() {
        float[][] raw = EvalData.floatColumns(WRIST_100HZ, 1, 1, 2, 3);
        int n = raw[0].length;

        List<String> block = run(raw, 100, 5, CountsFilter.NORMAL, new int[] {n});
        List<String> seconds = run(raw, 100, 5, CountsFilter.NORMAL, repeat(100, n));
        List<String> random = run(raw, 100, 5, CountsFilter.NORMAL, randomCuts(n, 42));
        List<String> single = run(raw, 100, 5, CountsFilter.NORMAL, repeat(1, n));

        assertEquals(36, block.size());
        assertEquals(block, seconds);
        assertEquals(block, random);
        assertEquals(block, single);
    }

    @ParameterizedTest
    @ValueSource(ints = {30, 40, 50, 60, 70, 80, 90, 100})
    void everySupportedRateIsIndependentOfBatchCuts(int rate) {
        float[][] raw = synthetic(rate, 65);
        int n = raw[0].length;

        List<String> block = run(raw, rate, 3, CountsFilter.LFE, new int[] {n});
        List<String> random = run(raw, rate, 3, CountsFilter.LFE, randomCuts(n, rate));

        assertEquals(21, block.size(), "65 s in 3-s epochs, the partial last epoch dropped");
        assertTrue(block.stream().anyMatch(e -> !e.startsWith("0,0,0")), "walking-like signal must count");
        assertEquals(block, random);
    }

    @ParameterizedTest
    @ValueSource(ints = {25, 20, 35, 110, 0, -30})
    void unsupportedRatesAreRejectedNamingTheRate(int rate) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new ActiGraphCounts(rate, 5, CountsFilter.NORMAL));
        assertTrue(e.getMessage().contains(rate + " Hz"), e.getMessage());
        assertTrue(e.getMessage().contains("30 to 100 Hz"), e.getMessage());
    }

    @Test
    void nonPositiveEpochIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ActiGraphCounts(30, 0, CountsFilter.NORMAL));
    }

    @Test
    void vectorMagnitudeIsTheEuclideanNormOfTheThreeAxes() {
        float[][] raw = synthetic(50, 10);
        List<double[]> epochs = new ArrayList<>();
        new ActiGraphCounts(50, 1, CountsFilter.NORMAL)
                .accept(
                        raw[0],
                        raw[1],
                        raw[2],
                        0,
                        raw[0].length,
                        (i, a1, a2, a3, vm) -> epochs.add(new double[] {a1, a2, a3, vm}));

        assertEquals(10, epochs.size());
        for (double[] e : epochs) {
            assertEquals(Math.sqrt(e[0] * e[0] + e[1] * e[1] + e[2] * e[2]), e[3], 1e-9);
        }
    }

    private static List<String> run(float[][] raw, int rate, int epoch, CountsFilter filter, int[] cuts) {
        List<String> out = new ArrayList<>();
        ActiGraphCounts counts = new ActiGraphCounts(rate, epoch, filter);
        CountsSink sink = (i, a1, a2, a3, vm) -> out.add(a1 + "," + a2 + "," + a3 + "," + vm + "@" + i);
        int off = 0;
        for (int len : cuts) {
            counts.accept(raw[0], raw[1], raw[2], off, len, sink);
            off += len;
        }
        assertEquals(raw[0].length, counts.sampleCount());
        return out;
    }

    private static int[] repeat(int len, int total) {
        int[] cuts = new int[(total + len - 1) / len];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = Math.min(len, total - i * len);
        }
        return cuts;
    }

    /** Cuts of 0 to 997 samples, including empty batches. */
    private static int[] randomCuts(int total, long seed) {
        Random random = new Random(seed);
        List<Integer> cuts = new ArrayList<>();
        for (int left = total; left > 0; ) {
            int len = Math.min(left, random.nextInt(998));
            cuts.add(len);
            left -= len;
        }
        return cuts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A 1.8-Hz gait-like signal with harmonics on gravity, in g. */
    private static float[][] synthetic(int rate, int seconds) {
        int n = rate * seconds;
        float[][] xyz = new float[3][n];
        Random noise = new Random(7);
        for (int i = 0; i < n; i++) {
            double t = (double) i / rate;
            double step = Math.sin(2 * Math.PI * 1.8 * t);
            xyz[0][i] = (float) (0.3 * step + 0.05 * noise.nextGaussian());
            xyz[1][i] = (float) (1 + 0.6 * step * step * step + 0.1 * Math.sin(2 * Math.PI * 5.4 * t));
            xyz[2][i] = (float) (0.2 * Math.cos(2 * Math.PI * 0.9 * t) + 0.02 * noise.nextGaussian());
        }
        return xyz;
    }
}
