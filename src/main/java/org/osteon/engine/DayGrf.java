package org.osteon.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteon.scoring.Placement;
import org.osteon.scoring.bone.grf.GrfDay;
import org.osteon.scoring.bone.grf.GrfEstimator;
import org.osteon.scoring.bone.grf.GrfPeakStream;
import org.osteon.scoring.pipeline.EpochResult;

/**
 * The day's peaks for the estimated peak ground-reaction force (docs/metrics-implementation.md,
 * "Estimated peak ground-reaction force"), found while {@link DayScoring} feeds its runs: one
 * {@link GrfPeakStream} per run, started and ended where the run's {@code EpochScorer} is, so the
 * peaks depend only on the stored samples, as the day's other scores do. No framework imports.
 *
 * <p>Memory: the stream's block and margin (about 11 s of three doubles at 100 Hz), each worn
 * peak's time and height, and the worn stretches of epochs (one pair per stretch), never the
 * day's samples. Only the peaks are kept, not newtons: the body mass comes from the patient record
 * when the day is written ({@link #estimate}), so a changed body mass needs no re-reading.
 *
 * <p>Non-wear: the stream filters the whole run, and a peak counts only when the epoch holding it
 * was scored as worn, as impact peaks do ({@code ImpactPeak.nonwear}); a peak in the run's trailing
 * incomplete epoch, which the scorer drops, is dropped too. No stream is run where no equation is
 * published (wrist, waist, thigh, insole) or at 40 Hz or less: the estimate would be refused anyway.
 */
final class DayGrf {
    private final Placement placement;
    private final boolean published;
    private final int epochSeconds;

    private GrfPeakStream stream;
    private long runStartMillis;
    private double runRate;
    private int runs;

    private long samplesUsed;
    private long samplesTooSlow;
    /** Peaks found, not yet judged worn: the start of the epoch holding each, and its height (g). */
    private long[] peakEpochs = new long[64];

    private double[] peakG = new double[64];
    private int peaks;
    /** Worn stretches of consecutive epochs: pairs of first and last epoch start, ms. */
    private long[] worn = new long[16];

    private int wornLength;

    /**
     * @param placement where the day's device is worn (null: no device)
     * @param estimate whether to look for peaks at all (false only to measure the scoring without it)
     */
    DayGrf(Placement placement, int epochSeconds, boolean estimate) {
        this.placement = placement;
        this.published = estimate && GrfEstimator.refusal(placement, 1.0).isEmpty();
        this.epochSeconds = epochSeconds;
    }

    /** A copy that finishes independently; the stream reports to the copy. */
    DayGrf copy() {
        DayGrf c = new DayGrf(placement, epochSeconds, published);
        c.stream = stream == null ? null : stream.copy(c::peak);
        c.runStartMillis = runStartMillis;
        c.runRate = runRate;
        c.runs = runs;
        c.samplesUsed = samplesUsed;
        c.samplesTooSlow = samplesTooSlow;
        c.peakEpochs = Arrays.copyOf(peakEpochs, Math.max(peaks, 1));
        c.peakG = Arrays.copyOf(peakG, Math.max(peaks, 1));
        c.peaks = peaks;
        c.worn = Arrays.copyOf(worn, Math.max(wornLength, 2));
        c.wornLength = wornLength;
        return c;
    }

    /** A run's first sample of the day is at {@code startMillis}, as its scorer is told. */
    void startRun(double rateHz, long startMillis) {
        endRun();
        runs++;
        runRate = rateHz;
        runStartMillis = startMillis;
        if (published && GrfEstimator.definedAt(rateHz)) {
            stream = new GrfPeakStream(rateHz, this::peak);
        }
    }

    /** The run's next samples, as the scorer gets them. */
    void accept(float[] x, float[] y, float[] z, int n) {
        if (stream == null) {
            samplesTooSlow += published ? n : 0;
            return;
        }
        stream.accept(x, y, z, 0, n);
    }

    void endRun() {
        if (stream != null) {
            stream.finish();
            samplesUsed += stream.samples();
            stream = null;
        }
    }

    /** An epoch as the scorer emitted it: worn epochs are where peaks count. */
    void epoch(EpochResult e) {
        if (e.nonwear()) {
            return;
        }
        long start = e.epochStartMillis();
        if (wornLength > 0 && worn[wornLength - 1] + epochSeconds * 1000L == start) {
            worn[wornLength - 1] = start;
            return;
        }
        if (wornLength == worn.length) {
            worn = Arrays.copyOf(worn, wornLength * 2);
        }
        worn[wornLength++] = start;
        worn[wornLength++] = start;
    }

    /**
     * The epoch of a run's sample, as the scorer cuts them: epoch k holds samples from
     * ceil(k · epoch · rate) on.
     */
    private void peak(long sampleIndex, double g) {
        long k = (long) Math.floor((sampleIndex + 1e-9) / (epochSeconds * runRate));
        if (peaks == peakG.length) {
            peakEpochs = Arrays.copyOf(peakEpochs, peaks * 2);
            peakG = Arrays.copyOf(peakG, peaks * 2);
        }
        peakEpochs[peaks] = runStartMillis + k * epochSeconds * 1000L;
        peakG[peaks++] = g;
    }

    /** The day's worn peaks and what the estimate's provenance needs of them. Ends the day. */
    Peaks finish() {
        endRun();
        List<Double> kept = new ArrayList<>();
        int w = 0;
        int leftOut = 0;
        // Peaks and worn stretches are both in time order (within a run, and runs follow each other).
        for (int i = 0; i < peaks; i++) {
            long epoch = peakEpochs[i];
            while (w < wornLength && worn[w + 1] < epoch) {
                w += 2;
            }
            if (w < wornLength && worn[w] <= epoch) {
                kept.add(peakG[i]);
            } else {
                leftOut++;
            }
        }
        return new Peaks(placement, runs, kept, samplesUsed, samplesTooSlow, leftOut);
    }

    /**
     * A scored day's peaks, before any body mass.
     *
     * @param placement where the device is worn (null: no device)
     * @param runs runs of samples of the day
     * @param wornPeaksG the worn peaks' filtered resultant, g, in time order
     * @param samplesUsed samples run through the pipeline
     * @param samplesTooSlow samples at 40 Hz or less, left out
     * @param peaksInNonWear peaks left out as non-wear
     */
    record Peaks(
            Placement placement,
            int runs,
            List<Double> wornPeaksG,
            long samplesUsed,
            long samplesTooSlow,
            int peaksInNonWear) {
        Peaks {
            wornPeaksG = List.copyOf(wornPeaksG);
        }

        /** The day's estimate for a patient of {@code bodyMassKg} (null: the record has none). */
        GrfDay estimate(Double bodyMassKg) {
            if (runs == 0) {
                // A day of loading events only: no device's samples to look for peaks in.
                return GrfEstimator.notEstimated("no accelerometer samples in the day", placement, bodyMassKg);
            }
            Map<String, Object> more = new LinkedHashMap<>();
            more.put("peaksInNonWearLeftOut", peaksInNonWear);
            more.put("nonWear", "peaks in epochs scored as non-wear, or in a run's dropped last epoch, are left out");
            return new GrfEstimator().fromPeaks(placement, bodyMassKg, wornPeaksG, samplesUsed, samplesTooSlow, more);
        }
    }
}
