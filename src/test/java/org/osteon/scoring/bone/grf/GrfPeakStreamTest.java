package org.osteon.scoring.bone.grf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GrfPeakStreamTest {

    /** Gravity on z, steps of 0.5–2.5 g every 0.25–0.7 s, and ±0.3 g of white noise on every axis. */
    private static double[][] day(double rateHz, double seconds, long seed) {
        Random random = new Random(seed);
        int n = (int) (rateHz * seconds);
        double[][] s = new double[3][n];
        for (int i = 0; i < n; i++) {
            s[2][i] = 1.0;
            for (int a = 0; a < 3; a++) {
                s[a][i] += 0.3 * random.nextGaussian();
            }
        }
        double next = 0.5;
        for (int i = 0; i < n; i++) {
            double t = i / rateHz;
            if (t >= next) {
                double height = 0.5 + 2 * random.nextDouble();
                for (int j = i; j < Math.min(n, i + (int) (0.1 * rateHz)); j++) {
                    double d = (j - i - 0.05 * rateHz) / (0.02 * rateHz);
                    s[2][j] += height * Math.exp(-0.5 * d * d);
                }
                next = t + 0.25 + 0.45 * random.nextDouble();
            }
        }
        return s;
    }

    @ParameterizedTest
    @CsvSource({"41, 5", "50, 7", "100, 1", "100, 333", "100, 1000", "200, 2000", "1000, 64"})
    void streamedPeaksEqualThoseOfTheWholeRunFilteredAtOnce(double rateHz, int blockSamples) {
        double[][] s = day(rateHz, 60, (long) rateHz * 31 + blockSamples);

        ButterworthLowPass filter = new ButterworthLowPass(4, 20, rateHz);
        double[] fx = filter.filtfilt(s[0]);
        double[] fy = filter.filtfilt(s[1]);
        double[] fz = filter.filtfilt(s[2]);
        double[] r = new double[fx.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.sqrt(fx[i] * fx[i] + fy[i] * fy[i] + fz[i] * fz[i]);
        }
        int[] expected = RefractoryPeakFinder.PUBLISHED.find(r, rateHz);

        List<Long> indices = new ArrayList<>();
        List<Double> heights = new ArrayList<>();
        GrfPeakStream stream = new GrfPeakStream(rateHz, blockSamples, (index, g) -> {
            indices.add(index);
            heights.add(g);
        });
        for (int i = 0; i < r.length; i++) {
            stream.accept(s[0][i], s[1][i], s[2][i]);
        }
        stream.finish();

        assertTrue(expected.length > 50, "the signal must have peaks to compare, had " + expected.length);
        assertArrayEquals(expected, indices.stream().mapToInt(Long::intValue).toArray());
        for (int k = 0; k < expected.length; k++) {
            assertEquals(r[expected[k]], heights.get(k), 1e-9);
        }
    }

    /** Peaks as (index, height) pairs, for exact comparison. */
    private record Peak(long index, double g) {}

    @ParameterizedTest
    @CsvSource({"41, 11", "100, 1", "100, 1000", "250, 997"})
    void samplesGivenAStretchAtATimeGiveTheSamePeaksToTheBitAndACopyFinishesAlone(double rateHz, int block) {
        double[][] d = day(rateHz, 60, 7);
        float[][] f = new float[3][d[0].length];
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < f[a].length; i++) {
                f[a][i] = (float) d[a][i];
            }
        }
        List<Peak> one = new ArrayList<>();
        GrfPeakStream single = new GrfPeakStream(rateHz, block, (i, g) -> one.add(new Peak(i, g)));
        for (int i = 0; i < f[0].length; i++) {
            single.accept(f[0][i], f[1][i], f[2][i]);
        }
        single.finish();

        Random random = new Random(block);
        List<Peak> stretches = new ArrayList<>();
        List<Peak> copied = new ArrayList<>();
        GrfPeakStream bulk = new GrfPeakStream(rateHz, block, (i, g) -> stretches.add(new Peak(i, g)));
        int half = f[0].length / 2;
        for (int at = 0; at < f[0].length; ) {
            int n = Math.min(1 + random.nextInt(3 * block + 50), f[0].length - at);
            if (at < half && at + n >= half) {
                n = half - at;
            }
            bulk.accept(f[0], f[1], f[2], at, n);
            at += n;
            if (at == half) {
                List<Peak> before = new ArrayList<>(stretches);
                GrfPeakStream copy = bulk.copy((i, g) -> before.add(new Peak(i, g)));
                copy.finish();
                copied = before;
            }
        }
        bulk.finish();

        assertTrue(one.size() > 50, "the signal must have peaks to compare, had " + one.size());
        assertEquals(one, stretches);
        // The copy finished at half-time: the peaks of the first half alone, and the original went on unchanged.
        List<Peak> firstHalf = new ArrayList<>();
        GrfPeakStream alone = new GrfPeakStream(rateHz, block, (i, g) -> firstHalf.add(new Peak(i, g)));
        alone.accept(f[0], f[1], f[2], 0, half);
        alone.finish();
        assertEquals(firstHalf, copied);
    }
}
