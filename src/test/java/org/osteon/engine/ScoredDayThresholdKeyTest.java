package org.osteon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ScoredDayThresholdKeyTest {
    @Test
    void theKeyIsTheThresholdWithOneDecimalAsTheEngineWritesIt() {
        for (double g : new double[] {0.5, 1.0, 1.3, 1.25, 1.35, 2.0, 2.05, 4.2, 6.0, 9.95, 10.0}) {
            String expected = String.format(Locale.ROOT, "%.1f", g);
            assertThat(ScoredDay.thresholdKey(g)).as("first %s", g).isEqualTo(expected);
            assertThat(ScoredDay.thresholdKey(g)).as("remembered %s", g).isEqualTo(expected);
        }
    }

    @Test
    void manyDistinctThresholdsStillGetTheirKeys() {
        for (int i = 0; i < 1_000; i++) {
            double g = 0.5 + i * 0.013;
            assertThat(ScoredDay.thresholdKey(g)).isEqualTo(String.format(Locale.ROOT, "%.1f", g));
        }
    }
}
