package org.osteon.scoring.bone;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteon.scoring.Provenance;

/**
 * Published impact bands, in g, counted per day (docs/metrics.md §4). Bands are left-closed
 * ({@code lower ≤ g < upper}); the published "&gt; x" bands are taken as "≥ x" because a peak
 * exactly on a band edge is not distinguishable at the sensor's resolution.
 */
public enum ImpactBandSet implements Provenance.Described {
    /** Deere et al., JBMR 2012 (waist): only high impacts related to femoral-neck BMD. */
    DEERE_2012(List.of(
            new ImpactBand("low", 0.5, 2.1),
            new ImpactBand("medium", 2.1, 4.2),
            new ImpactBand("high", 4.2, Double.POSITIVE_INFINITY))),
    /** Vainionpää et al., Osteoporos Int 2006 (waist): above 3.9 g related to hip BMD change. */
    VAINIONPAA_2006(List.of(new ImpactBand("high", 3.9, Double.POSITIVE_INFINITY))),
    /** Jämsä et al. 2011: at least 4 g, about 60 per day needed. */
    JAMSA_2011(List.of(new ImpactBand("high", 4.0, Double.POSITIVE_INFINITY)));

    private final List<ImpactBand> bands;

    ImpactBandSet(List<ImpactBand> bands) {
        this.bands = bands;
    }

    public List<ImpactBand> bands() {
        return bands;
    }

    /** The set's name with its bands, so that provenance says the boundaries, not only a name. */
    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name());
        d.put("bands", bands);
        return d;
    }

    /** One band of a set. */
    public record ImpactBand(String name, double lowerG, double upperG) {

        public boolean contains(double g) {
            return g >= lowerG && g < upperG;
        }
    }
}
