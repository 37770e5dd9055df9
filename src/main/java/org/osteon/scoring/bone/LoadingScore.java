package org.osteon.scoring.bone;

import org.osteon.scoring.Provenance;

/**
 * Osteogenic index and daily stress stimulus of one day from one source (docs/metrics.md §4).
 *
 * @param source where the loads come from
 * @param osteogenicIndex OI = Σ E_i · ln(1 + N_i) (Turner &amp; Robling 2003)
 * @param dailyStressStimulus ψ = (Σ n_i · σ_i^m)^(1/m) (Carter 1987; Whalen 1988), or {@code NaN}
 *     for resistance sets, which carry no stress magnitude in g or body weights
 * @param provenance algorithm, version and parameters (E_i choice, m, unit)
 */
public record LoadingScore(
        LoadingSource source, double osteogenicIndex, double dailyStressStimulus, Provenance provenance) {}
