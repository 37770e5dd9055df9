package org.osteon.scoring.pipeline;

/**
 * Where {@link EpochScorer} gets its counts: ActiGraph counts where the method is defined, zeros
 * elsewhere, so ENMO-based scoring still runs at, say, 25 Hz. Counts are computed on the raw,
 * uncalibrated samples, as ActiLife does.
 */
interface CountsStage {

    /** Receives the counts of one complete epoch. */
    @FunctionalInterface
    interface Sink {
        void counts(long epochIndex, int axis1, int axis2, int axis3);
    }

    /** Whether this stage delivers counts; when false every epoch has zero counts. */
    boolean delivers();

    void accept(float[] x, float[] y, float[] z, int offset, int length, Sink sink);

    void finish(Sink sink);

    /** An independent stage in this one's state. */
    CountsStage copy();

    /** The stage for rates at which ActiGraph counts are undefined: all counts are zero. */
    static CountsStage zeros() {
        return new CountsStage() {
            @Override
            public boolean delivers() {
                return false;
            }

            @Override
            public void accept(float[] x, float[] y, float[] z, int offset, int length, Sink sink) {}

            @Override
            public void finish(Sink sink) {}

            @Override
            public CountsStage copy() {
                return this;
            }
        };
    }
}
