package org.osteon.scoring.pipeline;

/** Dead-band variant of ActiGraph counts (Neishabouri et al., Sci Rep 2022; docs/metrics.md §3). */
public enum CountsFilter {
    /** ActiLife "normal" filter. */
    NORMAL,
    /** ActiLife low-frequency extension. */
    LFE
}
