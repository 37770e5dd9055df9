package org.osteon.scoring.counts;

/**
 * Streaming ActiGraph activity counts, reproducing ActiLife's counts from raw acceleration
 * as published by Neishabouri et al., "Quantification of acceleration as activity counts in
 * ActiGraph wearable", Sci Rep 12, 11958 (2022).
 *
 * <p>Per axis: resample to 30 Hz (zero-stuffing by L, a first-order IIR for rates that are
 * not multiples of 30, keep every M-th sample, round to 3 decimals), band-pass with the
 * published IIR started in its steady state for the first sample, scale by
 * (3/4096)/(2.6/256)·237.5, apply the normal or low-frequency-extension dead-band, average
 * each 3 samples to 10 Hz with a floor, and sum over the epoch. Axis1 is the device Y axis,
 * Axis2 X and Axis3 Z.
 *
 * <p>Epochs start at the first sample given to this instance; a trailing partial epoch is
 * never emitted, as in ActiLife. All state is carried across calls to
 * {@link #accept(float[], float[], float[], int, int, CountsSink)}, so the epochs do not
 * depend on how the stream is cut into batches. An instance serves one recording and is
 * not thread-safe. Buffers are allocated once, in the constructor.
 *
 * <p>Input is float, as the readers deliver it. Values of the form int16 / 256 (ActiGraph
 * Link, wGT3X-BT) are exact in float, and 3-decimal CSV values are restored exactly by the
 * rounding to 3 decimals at 30, 60 and 90 Hz; otherwise the float input differs from
 * ActiLife's double by less than 1e-7 relative, which changes a count only if a resampled
 * value lies that close to a rounding midpoint.
 */
public final class ActiGraphCounts {

    /** Raw samples processed per inner step; bounds the 10-Hz scratch buffers. */
    private static final int CHUNK = 4096;

    private final int sampleRateHz;
    private final int epochSeconds;
    private final CountsFilter filter;
    private final int tenHzPerEpoch;
    private final Resampler resampler;
    private final AxisCounter axis1;
    private final AxisCounter axis2;
    private final AxisCounter axis3;
    private final double[] at30Hz1 = new double[Resampler.maxOutput(CHUNK)];
    private final double[] at30Hz2 = new double[Resampler.maxOutput(CHUNK)];
    private final double[] at30Hz3 = new double[Resampler.maxOutput(CHUNK)];
    private final int[] tenHz1 = new int[CHUNK / 3 + 2];
    private final int[] tenHz2 = new int[CHUNK / 3 + 2];
    private final int[] tenHz3 = new int[CHUNK / 3 + 2];

    private int sum1;
    private int sum2;
    private int sum3;
    private int tenHzInEpoch;
    private long epochs;
    private long samples;

    /**
     * @param sampleRateHz 30, 40, …, 100 Hz; the method is not defined for other rates
     * @param epochSeconds epoch length, at least 1 s
     * @param filter normal or low-frequency-extension dead-band
     * @throws IllegalArgumentException for an unsupported rate or a non-positive epoch
     */
    public ActiGraphCounts(int sampleRateHz, int epochSeconds, CountsFilter filter) {
        Resampler.factors(sampleRateHz);
        if (epochSeconds < 1) {
            throw new IllegalArgumentException("epoch must be at least 1 s, got " + epochSeconds);
        }
        if (filter == null) {
            throw new IllegalArgumentException("counts filter must be given (normal or lfe)");
        }
        this.sampleRateHz = sampleRateHz;
        this.epochSeconds = epochSeconds;
        this.filter = filter;
        this.tenHzPerEpoch = epochSeconds * 10;
        this.resampler = new Resampler(sampleRateHz);
        this.axis1 = new AxisCounter(filter);
        this.axis2 = new AxisCounter(filter);
        this.axis3 = new AxisCounter(filter);
    }

    private ActiGraphCounts(ActiGraphCounts o) {
        this.sampleRateHz = o.sampleRateHz;
        this.epochSeconds = o.epochSeconds;
        this.filter = o.filter;
        this.tenHzPerEpoch = o.tenHzPerEpoch;
        this.resampler = o.resampler.copy();
        this.axis1 = o.axis1.copy();
        this.axis2 = o.axis2.copy();
        this.axis3 = o.axis3.copy();
        this.sum1 = o.sum1;
        this.sum2 = o.sum2;
        this.sum3 = o.sum3;
        this.tenHzInEpoch = o.tenHzInEpoch;
        this.epochs = o.epochs;
        this.samples = o.samples;
    }

    /**
     * An independent counter in this one's state (the scratch buffers are not state): fed the
     * same samples, both give the same counts.
     */
    public ActiGraphCounts copy() {
        return new ActiGraphCounts(this);
    }

    /** True when {@code rateHz} is one of the rates the counts method defines (30–100 Hz in 10-Hz steps). */
    public static boolean supportsRate(int rateHz) {
        return rateHz >= 30 && rateHz <= 100 && rateHz % 10 == 0;
    }

    /**
     * Consumes {@code len} samples starting at {@code off} of each array (device axes, in g)
     * and passes every epoch completed by them to {@code sink}, in order.
     */
    public void accept(float[] x, float[] y, float[] z, int off, int len, CountsSink sink) {
        if (off < 0 || len < 0 || off + len > x.length || off + len > y.length || off + len > z.length) {
            throw new IndexOutOfBoundsException("batch [" + off + ", " + (off + len) + ") outside the axis arrays");
        }
        for (int start = off; start < off + len; start += CHUNK) {
            int n = Math.min(CHUNK, off + len - start);
            int resampled = resampler.process(y, x, z, start, n, at30Hz1, at30Hz2, at30Hz3);
            int produced = axis1.process(at30Hz1, resampled, tenHz1);
            axis2.process(at30Hz2, resampled, tenHz2);
            axis3.process(at30Hz3, resampled, tenHz3);
            accumulate(produced, sink);
        }
        samples += len;
    }

    private void accumulate(int produced, CountsSink sink) {
        for (int i = 0; i < produced; i++) {
            sum1 += tenHz1[i];
            sum2 += tenHz2[i];
            sum3 += tenHz3[i];
            if (++tenHzInEpoch == tenHzPerEpoch) {
                double vm = Math.sqrt((double) sum1 * sum1 + (double) sum2 * sum2 + (double) sum3 * sum3);
                sink.epoch(epochs++, sum1, sum2, sum3, vm);
                sum1 = 0;
                sum2 = 0;
                sum3 = 0;
                tenHzInEpoch = 0;
            }
        }
    }

    public int sampleRateHz() {
        return sampleRateHz;
    }

    public int epochSeconds() {
        return epochSeconds;
    }

    public CountsFilter filter() {
        return filter;
    }

    /** Epochs emitted so far. */
    public long epochCount() {
        return epochs;
    }

    /** Raw samples consumed so far. */
    public long sampleCount() {
        return samples;
    }
}
