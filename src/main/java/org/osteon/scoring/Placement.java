package org.osteon.scoring;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where the device is worn. Cut points and impact bands are only valid for the placement they
 * were derived on (docs/metrics.md §2, §4), so every stored score records it.
 *
 * <p>One enum for the scoring core, the device registry and the engine: the API, the device table
 * and the scoring CLI all spell a placement by its {@link #apiName()} ({@code lower_back}).
 */
public enum Placement {
    WRIST,
    HIP,
    WAIST,
    LOWER_BACK,
    ANKLE,
    THIGH,
    INSOLE;

    /** The placement as the API and the device table spell it: its name in lower case. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The placement spelled {@code value} exactly as {@link #apiName()} does.
     *
     * @throws IllegalArgumentException "must be one of wrist, hip, …": the message the API answers
     */
    public static Placement fromApiName(String value) {
        return Arrays.stream(values())
                .filter(p -> p.apiName().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of "
                        + String.join(
                                ", ",
                                Arrays.stream(values()).map(Placement::apiName).toList())));
    }
}
