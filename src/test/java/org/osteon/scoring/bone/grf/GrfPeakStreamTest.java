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
}
