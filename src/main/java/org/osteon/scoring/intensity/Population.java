package org.osteon.scoring.intensity;

/** Population a cut-point set was calibrated in (docs/metrics.md §2). */
public enum Population {
    /** Adults (Hildebrand et al. 2014/2016; Vähä-Ypyä et al. 2015; Freedson et al. 1998). */
    ADULT,
    /** Adults aged 70 and over (Migueles et al. 2021). */
    OLDER_ADULT_70_PLUS
}
