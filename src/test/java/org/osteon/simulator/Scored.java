package org.osteon.simulator;

import java.time.ZoneOffset;
import java.util.List;
import org.osteon.scoring.pipeline.EpochScorer;
import org.osteon.scoring.pipeline.ScoringParams;
import org.osteon.scoring.summary.DaySummarizer;
import org.osteon.scoring.summary.DaySummary;

/** Runs the scoring core over simulated days, as Osteon would over the stored batches. */
final class Scored {
    private Scored() {}

    /** Day summaries (UTC) of consecutive plans' signals, fed in 1-s pieces. */
    static List<DaySummary> days(double rateHz, SignalGenerator... consecutive) {
        ScoringParams params = ScoringParams.builder(rateHz).build();
        DaySummarizer summarizer = new DaySummarizer(params, ZoneOffset.UTC);
        EpochScorer scorer =
                new EpochScorer(params, consecutive[0].plan().start().toEpochMilli());
        int n = (int) rateHz;
        float[] x = new float[n];
        float[] y = new float[n];
        float[] z = new float[n];
        for (SignalGenerator g : consecutive) {
            int k;
            while ((k = g.fill(x, y, z, 0, n)) > 0) {
                scorer.accept(x, y, z, 0, k, summarizer);
            }
        }
        scorer.finish(summarizer);
        return summarizer.finish();
    }

    static int band(DaySummary day, String name) {
        return day.impactBands().stream()
                .filter(b -> b.band().equals(name))
                .findFirst()
                .orElseThrow()
                .count();
    }
}
