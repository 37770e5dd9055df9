package org.osteon.scoring.bone;

/**
 * A loading event reported by a device rather than derived from acceleration (docs/metrics.md §4).
 * They feed the osteogenic index and daily stress stimulus next to accelerometer peaks, each
 * tagged by {@link #source()}.
 */
public sealed interface LoadingEvent {

    long timeMillis();

    LoadingSource source();

    /**
     * Ground-reaction-force peaks from insoles.
     *
     * @param peakBodyWeights peak force in body weights
     * @param cycles number of loading cycles at that peak
     */
    record GrfPeaks(long timeMillis, double peakBodyWeights, int cycles) implements LoadingEvent {
        @Override
        public LoadingSource source() {
            return LoadingSource.INSOLE_GRF;
        }
    }

    /**
     * Resistance-training sets of one exercise. Relative load E is load / 1RM when the 1RM is known
     * (greater than zero), else load / body mass (Turner &amp; Robling 2003 as in docs/metrics.md).
     *
     * @param exercise exercise name
     * @param sets number of sets
     * @param reps repetitions per set
     * @param loadKg external load per repetition
     * @param oneRepMaxKg one-repetition maximum, or 0 when unknown
     * @param bodyMassKg the patient's body mass
     */
    record ResistanceSet(
            long timeMillis, String exercise, int sets, int reps, double loadKg, double oneRepMaxKg, double bodyMassKg)
            implements LoadingEvent {
        @Override
        public LoadingSource source() {
            return LoadingSource.RESISTANCE;
        }

        /** E: fraction of 1RM when known, else load / body mass. */
        public double relativeLoad() {
            return oneRepMaxKg > 0 ? loadKg / oneRepMaxKg : loadKg / bodyMassKg;
        }
    }
}
