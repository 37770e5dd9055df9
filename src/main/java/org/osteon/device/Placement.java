package org.osteon.device;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Where a wearable is worn; it selects cut points and which bone-loading metrics apply. */
public enum Placement {
    WRIST, HIP, WAIST, LOWER_BACK, ANKLE, THIGH, INSOLE;

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Placement fromApiName(String value) {
        return Arrays.stream(values())
                .filter(p -> p.apiName().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of "
                        + String.join(", ", Arrays.stream(values()).map(Placement::apiName).toList())));
    }
}
