package org.osteon.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as the API and the console show them: rounded to a stated number of decimals. */
public final class Decimals {
    private Decimals() {}

    /**
     * {@code v} rounded half-even to {@code decimals} places, from its shortest decimal form (so
     * 0.125 stays 0.12 and 2.675 becomes 2.68, as written, not as the binary double lies); null,
     * NaN and the infinities as they are.
     */
    public static Double shown(Double v, int decimals) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            return v;
        }
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }
}
