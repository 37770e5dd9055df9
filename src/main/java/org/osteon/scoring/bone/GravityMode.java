package org.osteon.scoring.bone;

/**
 * Signal that impact peaks are detected on (docs/metrics.md §4). Whether the devices behind the
 * published impact bands removed gravity is unverified, so both are offered and every stored
 * result records which one was used.
 */
public enum GravityMode {
    /** Raw resultant r = √(x² + y² + z²), gravity included, no filter (default). */
    RESULTANT,
    /**
     * Acceleration along the gravity direction with 1 g removed. Gravity is estimated per sample
     * with a first-order low-pass of each axis ({@code gravityFilterSeconds} in the scoring
     * parameters, an Osteon choice, configurable).
     */
    VERTICAL_GRAVITY_REMOVED
}
