package org.osteon.scoring;

/**
 * Where the device is worn. Cut points and impact bands are only valid for the placement they
 * were derived on (docs/metrics.md §2, §4), so every stored score records it.
 */
public enum Placement {
    WRIST,
    HIP,
    WAIST,
    LOWER_BACK,
    ANKLE,
    THIGH,
    INSOLE
}
