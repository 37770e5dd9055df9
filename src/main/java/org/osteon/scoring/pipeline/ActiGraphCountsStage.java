package org.osteon.scoring.pipeline;

import org.osteon.scoring.counts.ActiGraphCounts;
import org.osteon.scoring.counts.CountsSink;

/** {@link CountsStage} backed by {@link ActiGraphCounts} on the raw samples. */
final class ActiGraphCountsStage implements CountsStage {

    private final ActiGraphCounts counts;
    private Sink sink;
    private final CountsSink adapter =
            (epochIndex, axis1, axis2, axis3, vm) -> sink.counts(epochIndex, axis1, axis2, axis3);

    ActiGraphCountsStage(ScoringParams params) {
        this.counts = new ActiGraphCounts((int) params.rateHz(), params.epochSeconds(), params.countsFilter());
    }

    private ActiGraphCountsStage(ActiGraphCounts counts) {
        this.counts = counts;
    }

    @Override
    public CountsStage copy() {
        return new ActiGraphCountsStage(counts.copy());
    }

    /** Whether ActiGraph counts are defined at this rate (30–100 Hz in 10-Hz steps). */
    static boolean supports(ScoringParams params) {
        return params.rateHz() == Math.rint(params.rateHz()) && ActiGraphCounts.supportsRate((int) params.rateHz());
    }

    @Override
    public boolean delivers() {
        return true;
    }

    @Override
    public void accept(float[] x, float[] y, float[] z, int offset, int length, Sink sink) {
        this.sink = sink;
        counts.accept(x, y, z, offset, length, adapter);
    }

    /** ActiLife never emits a partial epoch, so there is nothing left to flush. */
    @Override
    public void finish(Sink sink) {}
}
