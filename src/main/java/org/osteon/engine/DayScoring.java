package org.osteon.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.osteon.scoring.bone.LoadingEvent;
import org.osteon.scoring.circadian.CircadianDay;
import org.osteon.scoring.intensity.Intensity;
import org.osteon.scoring.pipeline.EpochResult;
import org.osteon.scoring.pipeline.EpochScorer;
import org.osteon.scoring.pipeline.EpochSink;
import org.osteon.scoring.pipeline.ImpactPeak;
import org.osteon.scoring.pipeline.ScoringParams;
import org.osteon.scoring.summary.DaySummarizer;
import org.osteon.scoring.summary.DaySummary;

/**
 * Scores one local day of one device from its stored batches, fed in start order. No framework
 * imports: the engine's database side only feeds it.
 *
 * <p>The result depends only on the set of stored samples, never on how they were cut into
 * batches or in which order they arrived, which is what makes re-scoring a day on every change
 * give the same numbers as scoring it once:
 * <ul>
 *   <li>Only samples inside the day (local midnight to midnight) are scored; a batch across
 *       midnight is cut there. Non-wear windows at the day's edges are judged on what they hold,
 *       as the scorer does at the end of any data, so a day needs no margin from its neighbours.
 *   <li>Consecutive batches (the next starts where the last ended, within half a sample, at the
 *       same rate) form one run, scored by one {@link EpochScorer}, whose output does not depend
 *       on batch sizes. A gap (offline, off-body with the device off) or a change of rate starts
 *       a new run, aligned to its own first sample. Samples that overlap a run already scored
 *       (a re-numbered re-send) are skipped, so the earlier batch in time order stands.
 *   <li>Sample times come from the run's start and the sample's index in the run, so where the
 *       day's edge falls does not depend on where a batch began.
 *   <li>The estimated peak ground-reaction force's peaks ({@link DayGrf}) are found over the same
 *       runs, started and ended with each run's scorer, on the same samples.
 * </ul>
 */
final class DayScoring {
    private final ZoneId zone;
    private final long dayStartMicros;
    private final long dayEndMicros;
    private final Tee tee;
    private final DaySummarizer summarizer;
    private final ScoringParams params;
    private final SleepEpochs sleep;
    private final DayGrf grf;
    private EpochScorer scorer;
    private double runRate;
    private long runStartMicros;
    private long runSamples;
    private int runs;
    private long dataThroughMicros = Long.MIN_VALUE;
    private float[] x = new float[0];
    private float[] y = new float[0];
    private float[] z = new float[0];

    /**
     * @param params parameters for the day (the rate of its main runs; other rates get a copy
     *     with their own rate)
     */
    DayScoring(ScoringParams params, ZoneId zone, LocalDate date) {
        this(params, zone, date, true);
    }

    /**
     * @param estimateGrf whether to find the peaks of the estimated peak ground-reaction force
     *     (false only to measure what they cost)
     */
    DayScoring(ScoringParams params, ZoneId zone, LocalDate date, boolean estimateGrf) {
        this.params = params;
        this.grf = new DayGrf(params.placement(), params.epochSeconds(), estimateGrf);
        this.zone = zone;
        this.dayStartMicros = date.atStartOfDay(zone).toInstant().toEpochMilli() * 1000;
        this.dayEndMicros = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() * 1000;
        this.summarizer = new DaySummarizer(params, zone);
        this.sleep = new SleepEpochs(dayStartMicros / 1000, dayEndMicros / 1000);
        this.tee = new Tee(summarizer, sleep, grf);
    }

    /**
     * A copy that finishes independently: the scorer's, the summarizer's and the sleep epochs'
     * state are copied, the scratch is not.
     */
    private DayScoring(DayScoring o) {
        this.zone = o.zone;
        this.dayStartMicros = o.dayStartMicros;
        this.dayEndMicros = o.dayEndMicros;
        this.params = o.params;
        this.summarizer = o.summarizer.copy();
        this.sleep = o.sleep.copy();
        this.grf = o.grf.copy();
        this.tee = o.tee.copy(summarizer, sleep, grf);
        this.scorer = o.scorer == null ? null : o.scorer.copy();
        this.runRate = o.runRate;
        this.runStartMicros = o.runStartMicros;
        this.runSamples = o.runSamples;
        this.runs = o.runs;
        this.dataThroughMicros = o.dataThroughMicros;
    }

    /**
     * The day's results from the batches accepted so far and the given loading events (all of the
     * day's), leaving this day open for the batches that follow: exactly what {@link #finish()}
     * would give after the same batches and events, so a day that grows batch by batch is scored
     * by feeding each batch once, not by reading the day again from its start.
     */
    Result resultWith(List<LoadingEvent> loadingEvents) {
        DayScoring done = new DayScoring(this);
        loadingEvents.forEach(done::addLoadingEvent);
        return done.finish();
    }

    /** The next batch in time order (start, then seq). */
    void accept(RawBatch b) {
        double period = b.periodMicros();
        int skip = 0;
        if (runs == 0 || b.rateHz() != runRate) {
            startRun(b);
        } else {
            double expected = runStartMicros + runSamples * period;
            if (b.startMicros() > expected + period / 2) {
                startRun(b);
            } else if (b.startMicros() < expected - period / 2) {
                skip = (int) Math.min(b.samples(), Math.round((expected - b.startMicros()) / period));
            }
        }
        int usable = b.samples() - skip;
        if (usable <= 0) {
            return;
        }
        long first = runSamples;
        runSamples += usable;
        // Indices (in the run) of the samples inside the day.
        long from = Math.max(first, (long) Math.ceil((dayStartMicros - runStartMicros) / period));
        long to = Math.min(runSamples, (long) Math.ceil((dayEndMicros - runStartMicros) / period));
        if (from >= to) {
            return;
        }
        if (scorer == null) {
            long startMillis = Math.round((runStartMicros + from * period) / 1000.0);
            scorer = new EpochScorer(rateParams(b.rateHz()), startMillis);
            sleep.startRun(b.rateHz(), rateParams(b.rateHz()).calibration(), startMillis);
            grf.startRun(b.rateHz(), startMillis);
        }
        dataThroughMicros =
                Math.max(dataThroughMicros, Math.min(dayEndMicros, Math.round(runStartMicros + to * period)));
        int n = (int) (to - from);
        if (x.length < n) {
            x = new float[n];
            y = new float[n];
            z = new float[n];
        }
        int offset = skip + (int) (from - first);
        b.decode(offset, offset + n, x, y, z);
        scorer.accept(x, y, z, 0, n, tee);
        sleep.accept(x, y, z, 0, n);
        grf.accept(x, y, z, n);
    }

    void addLoadingEvent(LoadingEvent event) {
        summarizer.addLoadingEvent(event);
        dataThroughMicros = Math.max(dataThroughMicros, event.timeMillis() * 1000);
    }

    /** The day's summary (empty when nothing of the day was scored) and what the table needs beyond it. */
    Result finish() {
        endRun();
        List<DaySummary> days = summarizer.finish();
        LocalDate date =
                Instant.ofEpochMilli(dayStartMicros / 1000).atZone(zone).toLocalDate();
        DaySummary day =
                days.stream().filter(d -> d.date().equals(date)).findFirst().orElse(null);
        Instant through = dataThroughMicros == Long.MIN_VALUE ? null : Micros.toInstant(dataThroughMicros);
        // Only the day's own epochs reach the summarizer, so its one profile is the day's.
        CircadianDay profile = summarizer.circadianDays().stream().findFirst().orElse(null);
        return new Result(
                day,
                List.copyOf(tee.peaks),
                tee.longestSedentaryEpochs * params.epochSeconds() / 60.0,
                runs,
                through,
                profile,
                sleep.finish(),
                grf.finish());
    }

    /**
     * @param summary the day, or null when it has neither worn epochs nor loading events
     * @param peaks magnitudes (g) of the worn impact peaks that the summary counts
     * @param longestSedentaryBoutMinutes longest uninterrupted stretch of worn sedentary epochs
     * @param runs stretches of consecutive samples scored
     * @param dataThrough the end of the latest sample or loading event of the day that was scored
     *     (null when there was none): what an app or a latency measurement compares with what it sent
     * @param circadianDay the day's activity profile for the circadian metrics, null with no worn epoch
     * @param sleepEpochs what the nights that touch the day need of it (z-angles, sedentary runs)
     * @param grf the day's peaks for the estimated peak ground-reaction force, to estimate with the
     *     patient's body mass when the row is written
     */
    record Result(
            DaySummary summary,
            List<Double> peaks,
            double longestSedentaryBoutMinutes,
            int runs,
            Instant dataThrough,
            CircadianDay circadianDay,
            SleepEpochs.Day sleepEpochs,
            DayGrf.Peaks grf) {}

    private void startRun(RawBatch b) {
        endRun();
        runs++;
        runRate = b.rateHz();
        runStartMicros = b.startMicros();
        runSamples = 0;
    }

    private void endRun() {
        if (scorer != null) {
            scorer.finish(tee);
            scorer = null;
            grf.endRun();
        }
        tee.endRun();
        sleep.endRun();
    }

    private ScoringParams rateParams(double rateHz) {
        if (rateHz == params.rateHz()) {
            return params;
        }
        // The engine sets only the placement (ScoringEngine.paramsFor); everything else is a default.
        return ScoringParams.builder(rateHz).placement(params.placement()).build();
    }

    /**
     * Passes the scorer's output to the summarizer and keeps what {@code day_summary} needs that
     * {@link DaySummary} does not carry: each peak's magnitude (for counts at any 0.1 g threshold)
     * and the longest sedentary bout. A peak belongs to the epoch that follows it, as in the
     * summarizer.
     */
    private static final class Tee implements EpochSink {
        private final DaySummarizer summarizer;
        private final SleepEpochs sleep;
        private final DayGrf grf;
        private final List<Double> peaks = new ArrayList<>();
        private final List<Double> pendingPeaks = new ArrayList<>();
        private long sedentaryRun;
        private long longestSedentaryEpochs;

        Tee(DaySummarizer summarizer, SleepEpochs sleep, DayGrf grf) {
            this.summarizer = summarizer;
            this.sleep = sleep;
            this.grf = grf;
        }

        Tee copy(DaySummarizer to, SleepEpochs sleepTo, DayGrf grfTo) {
            Tee c = new Tee(to, sleepTo, grfTo);
            c.peaks.addAll(peaks);
            c.pendingPeaks.addAll(pendingPeaks);
            c.sedentaryRun = sedentaryRun;
            c.longestSedentaryEpochs = longestSedentaryEpochs;
            return c;
        }

        @Override
        public void peak(ImpactPeak peak) {
            summarizer.peak(peak);
            if (!peak.nonwear()) {
                pendingPeaks.add(peak.magnitudeG());
            }
        }

        @Override
        public void epoch(EpochResult epoch) {
            summarizer.epoch(epoch);
            sleep.epoch(epoch);
            grf.epoch(epoch);
            peaks.addAll(pendingPeaks);
            pendingPeaks.clear();
            if (!epoch.nonwear() && epoch.intensity() == Intensity.SEDENTARY) {
                sedentaryRun++;
                longestSedentaryEpochs = Math.max(longestSedentaryEpochs, sedentaryRun);
            } else {
                sedentaryRun = 0;
            }
        }

        void endRun() {
            sedentaryRun = 0;
        }
    }
}
