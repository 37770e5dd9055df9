package org.osteon.scoring.bone;

import java.util.Arrays;

/**
 * Impact-peak histogram with the bins of Rantalainen's GGIR fork (docs/metrics.md §4), left-closed:
 * 1.3 to 4.3 g in steps of 0.2; 4.6 to 6.7 in steps of 0.3; 7.1, 7.5, 7.9, 8.3; 8.8, 9.3, 9.8,
 * 10.3; then ∞. Peaks below 1.3 g (possible when the threshold is lowered) fall in no bin.
 *
 * <p>Also keeps the sum of magnitudes per bin, because the osteogenic index uses each bin's mean
 * peak as E_i.
 */
public final class ImpactHistogram {

    /** Lower edges of the bins; the last bin is open above. Written out so no rounding creeps in. */
    static final double[] LOWER_EDGES = {
        1.3, 1.5, 1.7, 1.9, 2.1, 2.3, 2.5, 2.7, 2.9, 3.1, 3.3, 3.5, 3.7, 3.9, 4.1, 4.3, 4.6, 4.9, 5.2, 5.5, 5.8, 6.1,
        6.4, 6.7, 7.1, 7.5, 7.9, 8.3, 8.8, 9.3, 9.8, 10.3
    };

    private final int[] counts = new int[LOWER_EDGES.length];
    private final double[] sums = new double[LOWER_EDGES.length];

    /** An independent histogram with this one's counts. */
    public ImpactHistogram copy() {
        ImpactHistogram c = new ImpactHistogram();
        System.arraycopy(counts, 0, c.counts, 0, counts.length);
        System.arraycopy(sums, 0, c.sums, 0, sums.length);
        return c;
    }

    /** Adds a peak; returns its bin, or −1 when it is below the first edge. */
    public int add(double g) {
        int bin = binOf(g);
        if (bin >= 0) {
            counts[bin]++;
            sums[bin] += g;
        }
        return bin;
    }

    /** Index of the bin holding {@code g}, or −1 below 1.3 g. */
    public static int binOf(double g) {
        int i = Arrays.binarySearch(LOWER_EDGES, g);
        return i >= 0 ? i : -i - 2;
    }

    public int bins() {
        return LOWER_EDGES.length;
    }

    public double lowerG(int bin) {
        return LOWER_EDGES[bin];
    }

    /** Upper edge of a bin, exclusive; ∞ for the last. */
    public double upperG(int bin) {
        return bin + 1 < LOWER_EDGES.length ? LOWER_EDGES[bin + 1] : Double.POSITIVE_INFINITY;
    }

    public int count(int bin) {
        return counts[bin];
    }

    /** Mean magnitude of the peaks in a bin, or {@code NaN} when it is empty. */
    public double meanG(int bin) {
        return counts[bin] == 0 ? Double.NaN : sums[bin] / counts[bin];
    }

    /**
     * Osteogenic index Σ E_i · ln(1 + N_i) over the bins (Turner &amp; Robling 2003), with E_i the
     * mean peak of the bin: the lower edge would undervalue the open last bin, whose peaks can lie
     * far above 10.3 g.
     */
    public double osteogenicIndex() {
        double oi = 0;
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] > 0) {
                oi += meanG(b) * Math.log1p(counts[b]);
            }
        }
        return oi;
    }
}
