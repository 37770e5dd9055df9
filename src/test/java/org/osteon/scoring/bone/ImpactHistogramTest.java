package org.osteon.scoring.bone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImpactHistogramTest {

    /** docs/metrics.md §4, written out independently of the implementation. */
    static final double[] EDGES = {
        1.3, 1.5, 1.7, 1.9, 2.1, 2.3, 2.5, 2.7, 2.9, 3.1, 3.3, 3.5, 3.7, 3.9, 4.1, 4.3,
        4.6, 4.9, 5.2, 5.5, 5.8, 6.1, 6.4, 6.7, 7.1, 7.5, 7.9, 8.3, 8.8, 9.3, 9.8, 10.3
    };

    @Test
    void binsAreLeftClosedWithTheDocumentedEdges() {
        ImpactHistogram h = new ImpactHistogram();
        assertEquals(EDGES.length, h.bins());
        for (int b = 0; b < EDGES.length; b++) {
            assertEquals(EDGES[b], h.lowerG(b));
            assertEquals(b, ImpactHistogram.binOf(EDGES[b]), "edge " + EDGES[b] + " opens its bin");
            assertEquals(b - 1, ImpactHistogram.binOf(Math.nextDown(EDGES[b])), "just below " + EDGES[b]);
        }
        assertEquals(Double.POSITIVE_INFINITY, h.upperG(EDGES.length - 1));
        assertEquals(EDGES.length - 1, ImpactHistogram.binOf(25));
    }

    @Test
    void osteogenicIndexUsesTheMeanPeakOfEachBin() {
        ImpactHistogram h = new ImpactHistogram();
        h.add(2.0);
        h.add(2.05);
        h.add(12.0);

        assertEquals(2.025 * Math.log(3) + 12.0 * Math.log(2), h.osteogenicIndex(), 1e-12);
    }

    @Test
    void deereBandsAreLeftClosed() {
        List<ImpactBandSet.ImpactBand> bands = ImpactBandSet.DEERE_2012.bands();

        assertEquals(
                "medium",
                bands.stream()
                        .filter(b -> b.contains(2.1))
                        .findFirst()
                        .orElseThrow()
                        .name());
        assertEquals(
                "high",
                bands.stream()
                        .filter(b -> b.contains(4.2))
                        .findFirst()
                        .orElseThrow()
                        .name());
        assertEquals(
                "low",
                bands.stream()
                        .filter(b -> b.contains(0.5))
                        .findFirst()
                        .orElseThrow()
                        .name());
    }
}
