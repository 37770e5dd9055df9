package org.osteon.scoring.bone.grf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The peaks of the published pipeline ({@link GrfEstimator}) found while the samples of one run
 * arrive, in any batch sizes, with memory bounded by a few seconds of samples rather than the day.
 *
 * <p>The forward pass of the zero-phase filter is causal and runs sample by sample. The backward
 * pass is run on fixed blocks of the run (counted from its first sample, so where batches were cut
 * changes nothing), each started {@link ButterworthLowPass#decaySamples} beyond its block's end in
 * the steady state of the forward output there; at the end of the run the last blocks are filtered
 * back from the true end, as the whole-signal filter does. Over that margin the error of the
 * started state decays below 1e-18 of its size, so the peaks equal those of
 * {@link ButterworthLowPass#filtfilt} on the whole run to within rounding ({@code GrfPeakStreamTest}).
 *
 * <p>Peaks: a candidate more than the minimum distance after the previous candidate cannot be
 * dropped by, nor drop, any earlier candidate, so each such cluster of candidates is resolved as
 * soon as it closes, exactly as {@link RefractoryPeakFinder#find} would on the whole run.
 */
public final class GrfPeakStream {

    /** Receives each kept peak, in time order. */
    public interface Sink {
        /**
         * @param sampleIndex the peak's sample, counted from the run's first sample
         * @param g the filtered resultant there
         */
        void peak(long sampleIndex, double g);
    }

    private final ButterworthLowPass filter;
    private final RefractoryPeakFinder finder;
    private final int blockSamples;
    private final int marginSamples;
    private final Sink sink;

    private final ButterworthLowPass.Cascade[] forward = new ButterworthLowPass.Cascade[3];
    /** Forward-filtered axes of the samples not yet filtered backwards. */
    private double[][] pending = new double[3][256];

    private int pendingLength;
    /** The backward pass's working copy of a block and its margin; not state (each block fills it). */
    private double[][] scratch = new double[3][0];

    private long samples;

    private long resultantCount;
    private double before = Double.NaN;
    private double at = Double.NaN;

    private final List<Long> cluster = new ArrayList<>();
    private final List<Double> clusterHeights = new ArrayList<>();

    /**
     * The published pipeline at {@code rateHz} (which must be above 40 Hz), blocks of 10 s. Memory:
     * a block and the filter's decay margin (about 1 s from 90 to 1000 Hz, 3.7 s at 50 Hz, 35 s at
     * 41 Hz) of three doubles per sample, and the candidate peaks of the open cluster.
     */
    public GrfPeakStream(double rateHz, Sink sink) {
        this(rateHz, (int) Math.ceil(10 * rateHz), sink);
    }

    GrfPeakStream(double rateHz, int blockSamples, Sink sink) {
        this.filter = new ButterworthLowPass(GrfEstimator.FILTER_ORDER, GrfEstimator.FILTER_CUTOFF_HZ, rateHz);
        this.finder = RefractoryPeakFinder.PUBLISHED;
        this.blockSamples = blockSamples;
        this.marginSamples = filter.decaySamples();
        this.sink = sink;
    }

    /**
     * An independent stream in this one's state that reports to {@code to}: finishing the copy
     * gives the peaks finishing this one would, and this one goes on as if nothing happened (how a
     * day still receiving data is shown without being read again from its start).
     */
    public GrfPeakStream copy(Sink to) {
        return new GrfPeakStream(this, to);
    }

    private GrfPeakStream(GrfPeakStream o, Sink sink) {
        this.filter = o.filter;
        this.finder = o.finder;
        this.blockSamples = o.blockSamples;
        this.marginSamples = o.marginSamples;
        this.sink = sink;
        for (int a = 0; a < 3; a++) {
            forward[a] = o.forward[a] == null ? null : o.forward[a].copy();
            pending[a] = Arrays.copyOf(o.pending[a], Math.max(o.pendingLength, 1));
        }
        this.pendingLength = o.pendingLength;
        this.samples = o.samples;
        this.resultantCount = o.resultantCount;
        this.before = o.before;
        this.at = o.at;
        this.cluster.addAll(o.cluster);
        this.clusterHeights.addAll(o.clusterHeights);
    }

    /** Samples accepted so far. */
    public long samples() {
        return samples;
    }

    /** The next sample of the run, in g. */
    public void accept(double x, double y, double z) {
        if (samples == 0) {
            forward[0] = filter.cascade(x);
            forward[1] = filter.cascade(y);
            forward[2] = filter.cascade(z);
        }
        if (pendingLength == pending[0].length) {
            for (int a = 0; a < 3; a++) {
                pending[a] = Arrays.copyOf(pending[a], pendingLength * 2);
            }
        }
        pending[0][pendingLength] = forward[0].step(x);
        pending[1][pendingLength] = forward[1].step(y);
        pending[2][pendingLength] = forward[2].step(z);
        pendingLength++;
        samples++;
        if (pendingLength >= blockSamples + marginSamples) {
            backward(blockSamples, blockSamples + marginSamples);
        }
    }

    /**
     * The run's next {@code length} samples from {@code offset} of each array, in g: the same peaks
     * as {@link #accept(double, double, double)} on each in turn (the filter's arithmetic is the
     * same, run over a stretch at a time), at a fraction of the cost.
     */
    public void accept(float[] x, float[] y, float[] z, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (samples == 0) {
                forward[0] = filter.cascade(x[i]);
                forward[1] = filter.cascade(y[i]);
                forward[2] = filter.cascade(z[i]);
            }
            int n = Math.min(end - i, blockSamples + marginSamples - pendingLength);
            if (pendingLength + n > pending[0].length) {
                for (int a = 0; a < 3; a++) {
                    pending[a] = Arrays.copyOf(pending[a], Math.max(pendingLength + n, pendingLength * 2));
                }
            }
            float[][] in = {x, y, z};
            for (int a = 0; a < 3; a++) {
                double[] p = pending[a];
                float[] v = in[a];
                for (int j = 0; j < n; j++) {
                    p[pendingLength + j] = v[i + j];
                }
            }
            ButterworthLowPass.run3(forward, pending, pendingLength, n);
            pendingLength += n;
            samples += n;
            i += n;
            if (pendingLength >= blockSamples + marginSamples) {
                backward(blockSamples, blockSamples + marginSamples);
            }
        }
    }

    /** Ends the run: filters back from its true end and resolves the last peaks. */
    public void finish() {
        if (pendingLength > 0) {
            backward(pendingLength, pendingLength);
        }
        resolveCluster();
    }

    /**
     * Filters the first {@code emit} pending samples backwards, starting from pending sample
     * {@code startAt - 1} in the steady state of its forward output, and passes their resultant on.
     */
    private void backward(int emit, int startAt) {
        if (scratch[0].length < startAt) {
            scratch = new double[3][Math.max(startAt, scratch[0].length * 2)];
        }
        ButterworthLowPass.Cascade[] back = new ButterworthLowPass.Cascade[3];
        for (int a = 0; a < 3; a++) {
            double[] r = scratch[a];
            double[] p = pending[a];
            // Reversed, so that the backward pass runs forwards over the scratch.
            for (int m = 0; m < startAt; m++) {
                r[m] = p[startAt - 1 - m];
            }
            back[a] = filter.cascade(p[startAt - 1]);
        }
        ButterworthLowPass.run3(back, scratch, 0, startAt);
        double[] bx = scratch[0], by = scratch[1], bz = scratch[2];
        for (int i = 0; i < emit; i++) {
            int m = startAt - 1 - i;
            resultant(Math.sqrt(bx[m] * bx[m] + by[m] * by[m] + bz[m] * bz[m]));
        }
        for (int a = 0; a < 3; a++) {
            System.arraycopy(pending[a], emit, pending[a], 0, pendingLength - emit);
        }
        pendingLength -= emit;
    }

    /** The next filtered resultant sample: judges the one before it, which now has both neighbours. */
    private void resultant(double after) {
        if (resultantCount >= 2 && finder.isCandidate(before, at, after)) {
            long index = resultantCount - 1;
            if (!cluster.isEmpty()
                    && index - cluster.get(cluster.size() - 1) >= finder.minDistanceSeconds() * filter.rateHz()) {
                resolveCluster();
            }
            cluster.add(index);
            clusterHeights.add(at);
        }
        before = at;
        at = after;
        resultantCount++;
    }

    private void resolveCluster() {
        if (cluster.isEmpty()) {
            return;
        }
        for (int k : finder.select(cluster, clusterHeights, filter.rateHz())) {
            sink.peak(cluster.get(k), clusterHeights.get(k));
        }
        cluster.clear();
        clusterHeights.clear();
    }
}
