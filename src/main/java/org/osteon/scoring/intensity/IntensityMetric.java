package org.osteon.scoring.intensity;

/** The epoch value a cut-point set is applied to. */
public enum IntensityMetric {
    /** ENMO in mg (docs/metrics.md §2). */
    ENMO_MG,
    /** MAD in mg (docs/metrics.md §2). */
    MAD_MG,
    /** ActiGraph Axis1 counts scaled to counts per minute (docs/metrics.md §3). */
    AXIS1_CPM
}
