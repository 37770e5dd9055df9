package org.osteon.scoring.pipeline;

import java.util.Arrays;

/**
 * An epoch whose samples are in but whose result may still change: non-wear needs up to 60 min of
 * look-ahead, counts and steps arrive late, and an impact run may still be open.
 */
final class PendingEpoch {

    final long index;
    boolean complete;
    double enmoMg;
    double madMg;
    int axis1;
    int axis2;
    int axis3;
    boolean countsReady;
    boolean nonwear;
    boolean nonwearFinal;
    int steps;
    int peaks;
    long[] peakMillis = new long[0];
    double[] peakG = new double[0];

    PendingEpoch(long index, boolean countsReady) {
        this.index = index;
        this.countsReady = countsReady;
    }

    PendingEpoch copy() {
        PendingEpoch c = new PendingEpoch(index, countsReady);
        c.complete = complete;
        c.enmoMg = enmoMg;
        c.madMg = madMg;
        c.axis1 = axis1;
        c.axis2 = axis2;
        c.axis3 = axis3;
        c.nonwear = nonwear;
        c.nonwearFinal = nonwearFinal;
        c.steps = steps;
        c.peaks = peaks;
        c.peakMillis = peakMillis.clone();
        c.peakG = peakG.clone();
        return c;
    }

    void addPeak(long millis, double g) {
        if (peaks == peakG.length) {
            peakMillis = Arrays.copyOf(peakMillis, Math.max(4, peaks * 2));
            peakG = Arrays.copyOf(peakG, Math.max(4, peaks * 2));
        }
        peakMillis[peaks] = millis;
        peakG[peaks] = g;
        peaks++;
    }

    double peakMaxG() {
        double max = 0;
        for (int i = 0; i < peaks; i++) {
            max = Math.max(max, peakG[i]);
        }
        return max;
    }
}
