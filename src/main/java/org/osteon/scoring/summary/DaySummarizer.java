package org.osteon.scoring.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.osteon.scoring.Provenance;
import org.osteon.scoring.activity.BoutParams;
import org.osteon.scoring.activity.Bouts;
import org.osteon.scoring.bone.LoadingEvent;
import org.osteon.scoring.bone.LoadingScore;
import org.osteon.scoring.bone.LoadingSource;
import org.osteon.scoring.circadian.Circadian;
import org.osteon.scoring.circadian.CircadianAnalyzer;
import org.osteon.scoring.circadian.CircadianDay;
import org.osteon.scoring.pipeline.EpochResult;
import org.osteon.scoring.pipeline.EpochSink;
import org.osteon.scoring.pipeline.ImpactPeak;
import org.osteon.scoring.pipeline.ScoringParams;

/**
 * Builds {@link DaySummary} per local day (in a given {@link ZoneId}) and the multi-day {@link
 * Circadian} result from the output of an {@link org.osteon.scoring.pipeline.EpochScorer}, plus any
 * {@link LoadingEvent}s from devices. An epoch belongs to the day of its start; its peaks go with
 * it. Days are summarised on {@link #finish()}, so loading events may be added in any order before.
 */
public final class DaySummarizer implements EpochSink {

    static final String VERSION = "1";

    private final ScoringParams params;
    private final ZoneId zone;
    private final Map<LocalDate, DayAccumulator> days = new TreeMap<>();
    private final List<Double> peaksOfNextEpoch = new ArrayList<>();
    private final List<LoadingEvent> events = new ArrayList<>();
    private final CircadianAnalyzer circadian;

    public DaySummarizer(ScoringParams params, ZoneId zone) {
        this.params = params;
        this.zone = zone;
        this.circadian = new CircadianAnalyzer(params, zone);
    }

    private DaySummarizer(DaySummarizer o) {
        this.params = o.params;
        this.zone = o.zone;
        o.days.forEach((date, day) -> days.put(date, day.copy()));
        this.peaksOfNextEpoch.addAll(o.peaksOfNextEpoch);
        this.events.addAll(o.events);
        this.circadian = o.circadian.copy();
    }

    /**
     * An independent summarizer with everything this one was given: finishing the copy gives
     * today's results so far while this one goes on collecting.
     */
    public DaySummarizer copy() {
        return new DaySummarizer(this);
    }

    @Override
    public void peak(ImpactPeak peak) {
        if (!peak.nonwear()) {
            peaksOfNextEpoch.add(peak.magnitudeG());
        }
    }

    @Override
    public void epoch(EpochResult epoch) {
        LocalDate date =
                Instant.ofEpochMilli(epoch.epochStartMillis()).atZone(zone).toLocalDate();
        DayAccumulator day = days.computeIfAbsent(
                date, d -> new DayAccumulator(d, params.impactBands().bands(), params.dssExponent()));
        day.add(epoch);
        for (double g : peaksOfNextEpoch) {
            day.addPeak(g);
        }
        peaksOfNextEpoch.clear();
        circadian.add(epoch);
    }

    /** Adds a loading event reported by a device; it counts towards the local day of its time. */
    public void addLoadingEvent(LoadingEvent event) {
        events.add(event);
    }

    /** One summary per local day with epochs or loading events, in date order. */
    public List<DaySummary> finish() {
        Map<LocalDate, List<LoadingEvent>> eventsByDay = new TreeMap<>();
        // Time order makes the sums independent of the order events were reported in.
        events.sort(Comparator.comparingLong(LoadingEvent::timeMillis));
        for (LoadingEvent e : events) {
            LocalDate date = Instant.ofEpochMilli(e.timeMillis()).atZone(zone).toLocalDate();
            eventsByDay.computeIfAbsent(date, d -> new ArrayList<>()).add(e);
            days.computeIfAbsent(
                    date, d -> new DayAccumulator(d, params.impactBands().bands(), params.dssExponent()));
        }
        List<DaySummary> out = new ArrayList<>();
        for (DayAccumulator day : days.values()) {
            out.add(summarise(day, eventsByDay.getOrDefault(day.date, List.of())));
        }
        return out;
    }

    /** IS, IV, M10, L5 and RA over all days, or empty with fewer days than the settings require. */
    public Optional<Circadian> circadian() {
        return circadian.result();
    }

    /** Each local day's activity profile for the circadian metrics, in date order (days with worn epochs). */
    public List<CircadianDay> circadianDays() {
        return circadian.days();
    }

    private DaySummary summarise(DayAccumulator day, List<LoadingEvent> dayEvents) {
        double epochMinutes = params.epochSeconds() / 60.0;
        double wearMinutes = day.wearEpochs() * epochMinutes;
        BoutParams b = params.bouts();
        boolean sedentaryDefined = params.cutPoints().definesSedentary();
        List<BoutMinutes> inactivity =
                sedentaryDefined ? bouts(day.sedentary(), b.inactivityMinutes(), b.inactivityCriterion()) : List.of();
        Map<String, Object> common = params.provenanceParameters();
        common.put("wearMinutes", wearMinutes);
        Provenance activity = new Provenance("enmo-mad-cutpoints-bouts", VERSION, common)
                .with("cutPoints", params.cutPoints())
                .with("bouts", b);
        Provenance steps = new Provenance("verisense-steps", VERSION, common).with("stepParams", params.steps());
        Provenance impacts = impactProvenance(common);
        return new DaySummary(
                day.date,
                wearMinutes,
                day.enmoMeanMg(),
                day.mvpaEpochs() * epochMinutes,
                Double.isNaN(params.cutPoints().vigorous()) ? Double.NaN : day.vigorousEpochs() * epochMinutes,
                bouts(day.mvpa(), b.mvpaMinutes(), b.mvpaCriterion()),
                inactivity,
                sedentaryDefined ? day.sedentaryEpochs() * epochMinutes : Double.NaN,
                day.steps,
                day.histogramBins(),
                day.bandCounts(),
                loadingScores(day, dayEvents, impacts),
                activity,
                steps,
                impacts);
    }

    private Provenance impactProvenance(Map<String, Object> common) {
        return new Provenance("impact-peaks", VERSION, common)
                .with("peakThresholdG", params.peakThresholdG())
                .with("gravityMode", params.gravityMode())
                .with("impactBands", params.impactBands());
    }

    private List<BoutMinutes> bouts(boolean[] meets, List<Integer> lengths, double criterion) {
        int maxGap = params.bouts().maxGapSeconds() / params.epochSeconds();
        List<BoutMinutes> out = new ArrayList<>();
        for (int minutes : lengths) {
            int epochs = Bouts.epochsInBouts(meets, minutes * 60 / params.epochSeconds(), criterion, maxGap);
            out.add(new BoutMinutes(minutes, epochs * params.epochSeconds() / 60.0));
        }
        return out;
    }

    private List<LoadingScore> loadingScores(DayAccumulator day, List<LoadingEvent> dayEvents, Provenance impacts) {
        List<LoadingScore> out = new ArrayList<>();
        Provenance base = impacts.with("dssExponent", params.dssExponent());
        if (day.wearEpochs() > 0) {
            out.add(new LoadingScore(
                    LoadingSource.ACCELEROMETER,
                    day.histogram.osteogenicIndex(),
                    day.stress.value(),
                    base.with("oiE", "mean peak g per histogram bin").with("unit", "g")));
        }
        out.addAll(LoadingEvents.scores(dayEvents, params.dssExponent(), base));
        return out;
    }
}
