package org.osteon.scoring.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.osteon.scoring.bone.GravityMode;
import org.osteon.scoring.calibration.Calibration;
import org.osteon.scoring.intensity.IntensityMetric;
import org.osteon.scoring.nonwear.NonWearDetector;
import org.osteon.scoring.steps.StepCounter;

/**
 * Streaming per-epoch scoring of raw tri-axial acceleration (g): calibration, ENMO, MAD, impact
 * peaks, ActiGraph counts ({@link org.osteon.scoring.counts.ActiGraphCounts}, on the raw samples as
 * ActiLife does; zero at rates the method does not define), steps, intensity class and non-wear
 * (docs/metrics.md §1–§4).
 *
 * <p>Feed consecutive samples with {@link #accept}; sample i is at {@code startMillis + i ·
 * 1000 / rateHz}. Epochs are aligned to the first sample. Results are emitted in time order, but
 * late: an epoch is emitted only once its non-wear flag is final (up to 60 min after it ends, see
 * {@link NonWearDetector}), its counts and steps are in (steps run on blocks of {@code
 * StepParams.blockMinutes()}, default 60 min) and no impact run that could peak in it is open.
 * {@link #finish} flushes everything; a trailing incomplete epoch is dropped, with its peaks, as
 * GGIR drops it.
 *
 * <p>The result does not depend on how the samples are cut into batches: all state that spans
 * samples (open epoch, impact run, non-wear blocks, resampler) is carried over, and every sum is
 * accumulated in sample order.
 *
 * <p>Impact peaks are found on the calibrated resultant (or the gravity-removed vertical, see
 * {@link GravityMode}); each continuous run at or above the threshold is one peak whose magnitude
 * is the run's maximum and which belongs to the epoch holding that maximum. A run still open at
 * the end of the data is closed there.
 */
public final class EpochScorer {

    private final ScoringParams params;
    private final long startMillis;
    private final CountsStage counts;
    private final CountsStage.Sink countsSink = this::countsArrived;
    private final NonWearDetector nonWear;
    private final NonWearDetector.BlockListener blockListener = this::blockFinal;
    private final StepCounter steps;
    private final double[] off = new double[3];
    private final double[] scale = new double[3];
    private final boolean vertical;
    private final double gravityAlpha;
    private final double[] r;
    private final long epochsPerBlock;
    private final List<PendingEpoch> pending = new ArrayList<>();
    private int head;
    private PendingEpoch current;
    private int inEpoch;
    private long sample;
    private long epochEnd;
    private long block;
    private long blockEnd;
    private long stepsFinalEpochs;
    private boolean inRun;
    private double runMax;
    private long runMaxSample;
    private PendingEpoch runMaxEpoch;
    private long runStartEpoch;
    private double gx;
    private double gy;
    private double gz = 1;
    private boolean finished;

    /**
     * @param params scoring parameters
     * @param startMillis time of the first sample, Unix epoch milliseconds
     */
    public EpochScorer(ScoringParams params, long startMillis) {
        this(params, startMillis, countsFor(params));
    }

    /**
     * ActiGraph counts where the method defines them (30–100 Hz in 10-Hz steps); elsewhere counts
     * are zero, which {@link ScoringParams#provenanceParameters()} records, unless the cut points
     * need them.
     */
    private static CountsStage countsFor(ScoringParams params) {
        if (ActiGraphCountsStage.supports(params)) {
            return new ActiGraphCountsStage(params);
        }
        if (params.cutPoints().metric() == IntensityMetric.AXIS1_CPM) {
            throw new IllegalArgumentException(
                    params.cutPoints() + " needs ActiGraph counts, undefined at " + params.rateHz() + " Hz");
        }
        return CountsStage.zeros();
    }

    EpochScorer(ScoringParams params, long startMillis, CountsStage counts) {
        this.params = params;
        this.startMillis = startMillis;
        this.counts = counts;
        this.nonWear =
                new NonWearDetector(params.nonWear(), params.calibration().scale());
        this.steps = new StepCounter(params.steps(), params.rateHz(), params.calibration(), this::stepsFound);
        Calibration c = params.calibration();
        for (int axis = 0; axis < 3; axis++) {
            off[axis] = c.offset()[axis];
            scale[axis] = c.scale()[axis];
        }
        this.vertical = params.gravityMode() == GravityMode.VERTICAL_GRAVITY_REMOVED;
        this.gravityAlpha = 1 - Math.exp(-1 / (params.rateHz() * params.gravityFilterSeconds()));
        this.r = new double[(int) Math.ceil(params.rateHz() * params.epochSeconds()) + 1];
        this.epochsPerBlock = params.nonWear().stepMinutes() * 60L / params.epochSeconds();
        this.epochEnd = sampleAt(params.epochSeconds());
        this.blockEnd = sampleAt(params.nonWear().stepMinutes() * 60.0);
        openEpoch(0);
    }

    private EpochScorer(EpochScorer o) {
        this.params = o.params;
        this.startMillis = o.startMillis;
        this.counts = o.counts.copy();
        this.nonWear = o.nonWear.copy();
        this.steps = o.steps.copy(this::stepsFound);
        System.arraycopy(o.off, 0, off, 0, 3);
        System.arraycopy(o.scale, 0, scale, 0, 3);
        this.vertical = o.vertical;
        this.gravityAlpha = o.gravityAlpha;
        this.r = o.r.clone();
        this.epochsPerBlock = o.epochsPerBlock;
        // The epochs already emitted are not state; the rest are copied, and the references into
        // them (the open epoch, the epoch of an open impact run's peak) point at the copies.
        for (int i = o.head; i < o.pending.size(); i++) {
            PendingEpoch e = o.pending.get(i);
            PendingEpoch c = e.copy();
            pending.add(c);
            if (e == o.current) {
                current = c;
            }
            if (e == o.runMaxEpoch) {
                runMaxEpoch = c;
            }
        }
        this.head = 0;
        this.inEpoch = o.inEpoch;
        this.sample = o.sample;
        this.epochEnd = o.epochEnd;
        this.block = o.block;
        this.blockEnd = o.blockEnd;
        this.stepsFinalEpochs = o.stepsFinalEpochs;
        this.inRun = o.inRun;
        this.runMax = o.runMax;
        this.runMaxSample = o.runMaxSample;
        this.runStartEpoch = o.runStartEpoch;
        this.gx = o.gx;
        this.gy = o.gy;
        this.gz = o.gz;
        this.finished = o.finished;
    }

    /**
     * An independent scorer in this one's state: finishing the copy gives what finishing this one
     * would, and this one goes on as if nothing happened. This is what lets a day's results be
     * shown while its data is still arriving, without scoring the day again from its start.
     */
    public EpochScorer copy() {
        return new EpochScorer(this);
    }

    /** Scores {@code length} consecutive samples (g) starting at {@code offset} of each array. */
    public void accept(float[] x, float[] y, float[] z, int offset, int length, EpochSink sink) {
        if (finished) {
            throw new IllegalStateException("finish() was called");
        }
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int n = (int) Math.min(end - i, Math.min(epochEnd, blockEnd) - sample);
            scoreSamples(x, y, z, i, n);
            i += n;
            if (sample == epochEnd) {
                closeEpoch();
            }
            if (sample == blockEnd) {
                block++;
                blockEnd = sampleAt((block + 1) * params.nonWear().stepMinutes() * 60.0);
                nonWear.closeBlock(blockListener);
            }
        }
        counts.accept(x, y, z, offset, length, countsSink);
        emitReady(sink);
    }

    /** Ends the data and emits every remaining complete epoch. */
    public void finish(EpochSink sink) {
        if (finished) {
            return;
        }
        finished = true;
        if (inRun) {
            endRun();
        }
        steps.finish();
        stepsFinalEpochs = Long.MAX_VALUE;
        counts.finish(countsSink);
        nonWear.finish(blockListener);
        pending.remove(pending.size() - 1);
        // Counts come only for whole epochs at the counts' own alignment; any epoch they never
        // reported keeps zero counts rather than holding back the rest of the day.
        for (int i = head; i < pending.size(); i++) {
            pending.get(i).countsReady = true;
        }
        emitReady(sink);
    }

    /**
     * The per-sample work on a stretch with no epoch or block boundary inside: no allocation, no
     * boxing. Non-wear and steps take the same stretch as arrays, which keeps their own loops tight.
     */
    private void scoreSamples(float[] x, float[] y, float[] z, int from, int n) {
        double threshold = params.peakThresholdG();
        for (int i = from; i < from + n; i++) {
            double cx = (x[i] + off[0]) * scale[0];
            double cy = (y[i] + off[1]) * scale[1];
            double cz = (z[i] + off[2]) * scale[2];
            double ri = Math.sqrt(cx * cx + cy * cy + cz * cz);
            r[inEpoch++] = ri;
            double v = vertical ? verticalOf(cx, cy, cz) : ri;
            if (v >= threshold) {
                if (!inRun) {
                    inRun = true;
                    runMax = v;
                    runMaxSample = sample + i - from;
                    runMaxEpoch = current;
                    runStartEpoch = current.index;
                } else if (v > runMax) {
                    runMax = v;
                    runMaxSample = sample + i - from;
                    runMaxEpoch = current;
                }
            } else if (inRun) {
                endRun();
            }
        }
        sample += n;
        nonWear.accept(x, y, z, from, n);
        steps.accept(x, y, z, from, n);
    }

    private double verticalOf(double cx, double cy, double cz) {
        gx += gravityAlpha * (cx - gx);
        gy += gravityAlpha * (cy - gy);
        gz += gravityAlpha * (cz - gz);
        double norm = Math.sqrt(gx * gx + gy * gy + gz * gz);
        return norm == 0 ? 0 : (cx * gx + cy * gy + cz * gz) / norm - 1;
    }

    private void endRun() {
        inRun = false;
        runMaxEpoch.addPeak(millisAt(runMaxSample), runMax);
    }

    private void closeEpoch() {
        double sum = 0;
        double enmo = 0;
        for (int i = 0; i < inEpoch; i++) {
            sum += r[i];
            enmo += Math.max(r[i] - 1, 0);
        }
        double mean = sum / inEpoch;
        double mad = 0;
        for (int i = 0; i < inEpoch; i++) {
            mad += Math.abs(r[i] - mean);
        }
        current.enmoMg = enmo / inEpoch * 1000;
        current.madMg = mad / inEpoch * 1000;
        current.complete = true;
        openEpoch(current.index + 1);
        epochEnd = sampleAt((current.index + 1) * (double) params.epochSeconds());
    }

    private void openEpoch(long index) {
        current = new PendingEpoch(index, !counts.delivers());
        pending.add(current);
        inEpoch = 0;
    }

    private void countsArrived(long epochIndex, int axis1, int axis2, int axis3) {
        PendingEpoch e = pendingAt(epochIndex);
        if (e != null) {
            e.axis1 = axis1;
            e.axis2 = axis2;
            e.axis3 = axis3;
            e.countsReady = true;
        }
    }

    private void blockFinal(long finalBlock, boolean isNonWear) {
        for (long e = finalBlock * epochsPerBlock; e < (finalBlock + 1) * epochsPerBlock; e++) {
            PendingEpoch p = pendingAt(e);
            if (p != null) {
                p.nonwear = isNonWear;
                p.nonwearFinal = true;
            }
        }
    }

    private void stepsFound(double[] stepSeconds, int count, double doneSeconds) {
        for (int i = 0; i < count; i++) {
            PendingEpoch p = pendingAt((long) Math.floor(stepSeconds[i] / params.epochSeconds()));
            if (p != null) {
                p.steps++;
            }
        }
        stepsFinalEpochs = (long) Math.floor(doneSeconds / params.epochSeconds());
    }

    private PendingEpoch pendingAt(long epochIndex) {
        if (head == pending.size()) {
            return null;
        }
        long i = head + (epochIndex - pending.get(head).index);
        return i >= head && i < pending.size() ? pending.get((int) i) : null;
    }

    private void emitReady(EpochSink sink) {
        while (head < pending.size() && isReady(pending.get(head))) {
            emit(pending.get(head++), sink);
        }
        if (head > 256 && head * 2 > pending.size()) {
            pending.subList(0, head).clear();
            head = 0;
        }
    }

    private boolean isReady(PendingEpoch e) {
        return e.complete
                && e.nonwearFinal
                && e.countsReady
                && e.index < stepsFinalEpochs
                && !(inRun && runStartEpoch <= e.index);
    }

    private void emit(PendingEpoch e, EpochSink sink) {
        for (int i = 0; i < e.peaks; i++) {
            sink.peak(new ImpactPeak(e.peakMillis[i], e.peakG[i], e.nonwear));
        }
        double vm = Math.sqrt((double) e.axis1 * e.axis1 + (double) e.axis2 * e.axis2 + (double) e.axis3 * e.axis3);
        var cut = params.cutPoints();
        sink.epoch(new EpochResult(
                startMillis + e.index * params.epochSeconds() * 1000L,
                e.enmoMg,
                e.madMg,
                e.axis1,
                e.axis2,
                e.axis3,
                vm,
                e.peaks,
                e.peakMaxG(),
                cut.classify(cut.valueOf(e.enmoMg, e.madMg, e.axis1, params.epochSeconds())),
                e.nonwear,
                e.steps));
    }

    private long sampleAt(double seconds) {
        return (long) Math.ceil(seconds * params.rateHz() - 1e-9);
    }

    private long millisAt(long sampleIndex) {
        return startMillis + Math.round(sampleIndex * 1000.0 / params.rateHz());
    }
}
