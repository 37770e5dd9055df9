package org.osteon.scoring.intensity;

import java.util.LinkedHashMap;
import java.util.Map;
import org.osteon.scoring.Placement;
import org.osteon.scoring.Provenance;

/**
 * Published intensity cut points (docs/metrics.md §2, table "Intensity cut points"). Each class
 * boundary is left-closed: a value equal to the moderate cut point is moderate. {@code NaN} marks a
 * boundary the source does not define.
 *
 * <p>Select by device placement and population; a patient's set is configurable.
 */
public enum CutPointSet implements Provenance.Described {
    /** Hildebrand et al. 2014/2016, adults, ActiGraph, non-dominant wrist. */
    HILDEBRAND_ADULT_ACTIGRAPH_WRIST(IntensityMetric.ENMO_MG, Placement.WRIST, 44.8, 100.6, 428.8),
    /** Hildebrand et al. 2014/2016, adults, GENEActiv, non-dominant wrist. */
    HILDEBRAND_ADULT_GENEACTIV_WRIST(IntensityMetric.ENMO_MG, Placement.WRIST, 45.8, 93.2, 418.3),
    /** Hildebrand et al. 2014/2016, adults, ActiGraph, hip. */
    HILDEBRAND_ADULT_ACTIGRAPH_HIP(IntensityMetric.ENMO_MG, Placement.HIP, 47.4, 69.1, 258.7),
    /** Hildebrand et al. 2014/2016, adults, GENEActiv, hip. */
    HILDEBRAND_ADULT_GENEACTIV_HIP(IntensityMetric.ENMO_MG, Placement.HIP, 46.9, 68.7, 266.8),
    /** Migueles et al. 2021, adults aged 70 and over, ActiGraph, non-dominant wrist; no vigorous. */
    MIGUELES_OLDER_ADULT_WRIST(IntensityMetric.ENMO_MG, Placement.WRIST, 18, 60, Double.NaN),
    /** Migueles et al. 2021, adults aged 70 and over, ActiGraph, hip; no vigorous. */
    MIGUELES_OLDER_ADULT_HIP(IntensityMetric.ENMO_MG, Placement.HIP, 7, 14, Double.NaN),
    /** GGIR defaults, any placement. */
    GGIR_DEFAULT(IntensityMetric.ENMO_MG, null, 40, 100, 400),
    /** Vähä-Ypyä et al. 2015, hip, MAD; no sedentary/light boundary. */
    VAHA_YPYA_MAD_HIP(IntensityMetric.MAD_MG, Placement.HIP, Double.NaN, 91, 414),
    /** Freedson et al. 1998, hip, Axis1 counts per minute: MVPA at 1952 cpm; no other boundary. */
    FREEDSON_COUNTS_HIP(IntensityMetric.AXIS1_CPM, Placement.HIP, Double.NaN, 1952, Double.NaN);

    private final IntensityMetric metric;
    private final Placement placement;
    private final double light;
    private final double moderate;
    private final double vigorous;

    CutPointSet(IntensityMetric metric, Placement placement, double light, double moderate, double vigorous) {
        this.metric = metric;
        this.placement = placement;
        this.light = light;
        this.moderate = moderate;
        this.vigorous = vigorous;
    }

    /**
     * The ENMO set for a patient's placement, population and device, or {@link #GGIR_DEFAULT} when
     * no published set matches (e.g. ankle, or a GENEActiv in an older adult). Only wrist and hip
     * have published ENMO sets here; other placements are not mapped to them.
     */
    public static CutPointSet select(Placement placement, Population population, Device device) {
        if (population == Population.OLDER_ADULT_70_PLUS && device == Device.ACTIGRAPH) {
            return placement == Placement.WRIST
                    ? MIGUELES_OLDER_ADULT_WRIST
                    : placement == Placement.HIP ? MIGUELES_OLDER_ADULT_HIP : GGIR_DEFAULT;
        }
        if (population != Population.ADULT) {
            return GGIR_DEFAULT;
        }
        boolean actigraph = device == Device.ACTIGRAPH;
        if (placement == Placement.WRIST) {
            return actigraph ? HILDEBRAND_ADULT_ACTIGRAPH_WRIST : HILDEBRAND_ADULT_GENEACTIV_WRIST;
        }
        if (placement == Placement.HIP) {
            return actigraph ? HILDEBRAND_ADULT_ACTIGRAPH_HIP : HILDEBRAND_ADULT_GENEACTIV_HIP;
        }
        return GGIR_DEFAULT;
    }

    public IntensityMetric metric() {
        return metric;
    }

    /** Placement the set was derived on, or {@code null} when the source claims any placement. */
    public Placement placement() {
        return placement;
    }

    /** Sedentary/light boundary, or {@code NaN} when the source defines none. */
    public double light() {
        return light;
    }

    public double moderate() {
        return moderate;
    }

    /** Moderate/vigorous boundary, or {@code NaN} when the source defines none. */
    public double vigorous() {
        return vigorous;
    }

    /** Whether sedentary time and inactivity bouts are defined for this set. */
    public boolean definesSedentary() {
        return !Double.isNaN(light);
    }

    /** The class of a value in this set's metric and unit. */
    public Intensity classify(double value) {
        if (!Double.isNaN(vigorous) && value >= vigorous) {
            return Intensity.VIGOROUS;
        }
        if (value >= moderate) {
            return Intensity.MODERATE;
        }
        if (Double.isNaN(light)) {
            return Intensity.BELOW_MODERATE;
        }
        return value >= light ? Intensity.LIGHT : Intensity.SEDENTARY;
    }

    /**
     * The value this set classifies for one epoch.
     *
     * @param epochSeconds epoch length, used to scale counts to counts per minute
     */
    public double valueOf(double enmoMg, double madMg, int axis1, int epochSeconds) {
        return switch (metric) {
            case ENMO_MG -> enmoMg;
            case MAD_MG -> madMg;
            case AXIS1_CPM -> axis1 * (60.0 / epochSeconds);
        };
    }

    /** The set's name with its boundaries, so that provenance says the thresholds, not only a name. */
    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name());
        d.put("metric", metric.name());
        d.put("placement", placement == null ? "any" : placement.name());
        d.put("light", light);
        d.put("moderate", moderate);
        d.put("vigorous", vigorous);
        return d;
    }
}
