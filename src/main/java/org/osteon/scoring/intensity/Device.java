package org.osteon.scoring.intensity;

/** Accelerometer brand a cut-point set was derived with; Hildebrand's sets differ by brand. */
public enum Device {
    ACTIGRAPH,
    GENEACTIV
}
