package org.osteon.scoring.bone;

/** Where a bone-loading score comes from (docs/metrics.md §4, "Loading events from devices"). */
public enum LoadingSource {
    /** Impact peaks of a body-worn accelerometer, in g. */
    ACCELEROMETER,
    /** Ground-reaction-force peaks from instrumented insoles, in body weights. */
    INSOLE_GRF,
    /** Resistance-training sets from smart equipment or a log. */
    RESISTANCE
}
