package org.osteon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The row's {@code impacts_at_or_above}: one count per 0.1 g step from 1.3 g to the largest peak. */
class ImpactsAtOrAboveTest {
    /** The column's definition, counted step by step: what the engine's one-pass count must equal. */
    private static Map<String, Integer> byDefinition(List<Double> peaks) {
        Map<String, Integer> out = new LinkedHashMap<>();
        double max = peaks.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        for (int tenths = 13; tenths / 10.0 <= max; tenths++) {
            double threshold = tenths / 10.0;
            out.put(String.format(Locale.ROOT, "%.1f", threshold), (int)
                    peaks.stream().filter(g -> g >= threshold).count());
        }
        return out;
    }

    @Test
    void aPeakOnAStepCountsAtThatStepAndOneJustBelowDoesNot() {
        List<Double> peaks = List.of(1.3, Math.nextDown(1.3), 2.3, Math.nextDown(2.3), 0.7, 1.29, 2.35);

        Map<String, Integer> counted = DayScoreRepository.atOrAbove(peaks);

        assertThat(counted)
                .containsExactly(
                        Map.entry("1.3", 4),
                        Map.entry("1.4", 3),
                        Map.entry("1.5", 3),
                        Map.entry("1.6", 3),
                        Map.entry("1.7", 3),
                        Map.entry("1.8", 3),
                        Map.entry("1.9", 3),
                        Map.entry("2.0", 3),
                        Map.entry("2.1", 3),
                        Map.entry("2.2", 3),
                        Map.entry("2.3", 2));
        assertThat(counted).isEqualTo(byDefinition(peaks));
    }

    @Test
    void noPeakAtTheThresholdNoStep() {
        assertThat(DayScoreRepository.atOrAbove(List.of())).isEmpty();
        assertThat(DayScoreRepository.atOrAbove(List.of(0.4, 1.2, Math.nextDown(1.3))))
                .isEmpty();
        assertThat(DayScoreRepository.atOrAbove(List.of(2.0, Double.NaN)))
                .isEqualTo(byDefinition(List.of(2.0, Double.NaN)));
    }

    @Test
    void countsEqualTheDefinitionOnRandomDaysAndOnEveryStepsBoundary() {
        Random random = new Random(20261205);
        for (int day = 0; day < 300; day++) {
            List<Double> peaks = new ArrayList<>();
            int n = random.nextInt(3_000);
            for (int i = 0; i < n; i++) {
                double g = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(160) / 10.0;
                    case 1 -> Math.nextDown(random.nextInt(160) / 10.0);
                    case 2 -> Math.nextUp(random.nextInt(160) / 10.0);
                    default -> random.nextDouble() * 16;
                };
                peaks.add(g);
            }
            assertThat(DayScoreRepository.atOrAbove(peaks))
                    .as("day %d of %d peaks", day, n)
                    .containsExactlyEntriesOf(byDefinition(peaks));
        }
    }
}
