package org.osteon.scoring.counts;

/**
 * The dead-band that ActiLife applies to the band-passed signal before it is summed into
 * counts (Neishabouri et al., Sci Rep 2022, step "threshold/trim").
 */
public enum CountsFilter {
    /** |x| &lt; 4 is noise and counts 0; larger values are floored and capped at 128. */
    NORMAL,
    /**
     * Low-frequency extension: keeps the small movements the normal dead-band discards by
     * lowering the noise floor to 1 and subtracting 1 from values in [1, 4).
     */
    LFE
}
