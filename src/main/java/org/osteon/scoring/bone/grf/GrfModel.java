package org.osteon.scoring.bone.grf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.osteon.scoring.Provenance;

/**
 * The activity a set of ground-reaction-force equations was fitted on, with its source and the
 * validation figures Osteon could check (docs/metrics-implementation.md, "Estimated peak
 * ground-reaction force"). Figures not checked are recorded as such, never guessed.
 */
public enum GrfModel implements Provenance.Described {
    /**
     * Veras L, Diniz-Sousa F, Boppre G, et al. Mechanical loading prediction through accelerometry
     * data during walking and running. Eur J Sport Sci 2023;23(8):1518–1527,
     * doi:10.1080/17461391.2022.2102437. Walking and running on force plates, ankle, lower back and
     * hip. Its R², SEE and MAPE per equation were not checked here.
     */
    WALKING_RUNNING(
            "walking/running",
            "Veras L, Diniz-Sousa F, Boppre G, et al. Mechanical loading prediction through accelerometry data"
                    + " during walking and running. Eur J Sport Sci 2023;23(8):1518-1527."
                    + " doi:10.1080/17461391.2022.2102437",
            Map.of("checked", false, "note", "per-equation R2, SEE and MAPE are in the paper and were not checked")),
    /**
     * Veras L, Diniz-Sousa F, Boppre G, et al. Using raw accelerometer data to predict high-impact
     * mechanical loading. Sensors 2023;23(4):2246, doi:10.3390/s23042246. Jumps of several types and
     * heights on force plates, 78 adults from normal weight to severe obesity, ankle, lower back and
     * hip. The abstract reports, over all its peak-GRF equations (leave-one-out cross-validation),
     * R² of at least 0.83 and MAPE below 14.5 %; per-equation figures were not checked.
     */
    JUMPING(
            "jumping",
            "Veras L, Diniz-Sousa F, Boppre G, et al. Using raw accelerometer data to predict high-impact"
                    + " mechanical loading. Sensors 2023;23(4):2246. doi:10.3390/s23042246",
            Map.of(
                    "checked",
                    true,
                    "scope",
                    "all peak-GRF equations of the paper (abstract), leave-one-out cross-validation",
                    "r2AtLeast",
                    0.83,
                    "mapeBelowPercent",
                    14.5,
                    "note",
                    "per-equation R2, SEE and MAPE are in the paper and were not checked"));

    private final String label;
    private final String source;
    private final Map<String, Object> validation;

    GrfModel(String label, String source, Map<String, Object> validation) {
        this.label = label;
        this.source = source;
        this.validation = validation;
    }

    /** The activity as the source names it ({@code walking/running}, {@code jumping}). */
    public String label() {
        return label;
    }

    public String source() {
        return source;
    }

    public Map<String, Object> validation() {
        return validation;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name());
        d.put("activity", label);
        d.put("source", source);
        d.put("validation", new TreeMap<>(validation));
        return d;
    }
}
