package org.osteon.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteon.scoring.bone.ImpactBandSet;
import org.osteon.scoring.bone.ImpactHistogram;

/**
 * What a simulated device-day really contained, for comparison with what Osteon scores: impacts by
 * band (of a scoring-core {@link ImpactBandSet}) and histogram bin, each jump, intended steps, and
 * from the plan the minutes of each activity, MVPA, wear and non-wear, offline periods and loading
 * events. The {@link SignalGenerator} adds impacts and steps as it emits them.
 */
public final class GroundTruth {

    /** One impact: a single run of the resultant at or above 1.3 g whose maximum is {@code peakG}. */
    public record Impact(long timeMillis, double peakG, Activity activity) {}

    private final String deviceId;
    private final DayPlan plan;
    private final double rateHz;
    private final ImpactBandSet bandSet;
    private final ImpactHistogram histogram = new ImpactHistogram();
    private final int[] bandCounts;
    private final List<Impact> jumps = new ArrayList<>();
    private int impacts;
    private int steps;

    public GroundTruth(String deviceId, DayPlan plan, double rateHz, ImpactBandSet bandSet) {
        this.deviceId = deviceId;
        this.plan = plan;
        this.rateHz = rateHz;
        this.bandSet = bandSet;
        this.bandCounts = new int[bandSet.bands().size()];
    }

    void impact(Impact impact) {
        impacts++;
        histogram.add(impact.peakG());
        List<ImpactBandSet.ImpactBand> bands = bandSet.bands();
        for (int b = 0; b < bands.size(); b++) {
            if (bands.get(b).contains(impact.peakG())) {
                bandCounts[b]++;
            }
        }
        if (impact.activity() == Activity.JUMPS) {
            jumps.add(impact);
        }
    }

    void step() {
        steps++;
    }

    public int impacts() {
        return impacts;
    }

    /** Impacts in the named band of the set, e.g. "high" for Deere's &gt; 4.2 g. */
    public int band(String name) {
        List<ImpactBandSet.ImpactBand> bands = bandSet.bands();
        for (int b = 0; b < bands.size(); b++) {
            if (bands.get(b).name().equals(name)) {
                return bandCounts[b];
            }
        }
        throw new IllegalArgumentException("no band " + name + " in " + bandSet);
    }

    public List<Impact> jumps() {
        return List.copyOf(jumps);
    }

    public int stepsIntended() {
        return steps;
    }

    public double mvpaMinutes() {
        return minutesWhere(true, true);
    }

    public double wearMinutes() {
        return minutesWhere(false, true);
    }

    public double nonWearMinutes() {
        return plan.seconds() / 60.0 - wearMinutes();
    }

    private double minutesWhere(boolean onlyMvpa, boolean worn) {
        double m = 0;
        for (Segment s : plan.segments()) {
            if (s.activity().worn() == worn && (!onlyMvpa || s.activity().mvpa())) {
                m += s.seconds() / 60.0;
            }
        }
        return m;
    }

    private Map<Activity, Double> activityMinutes() {
        Map<Activity, Double> m = new EnumMap<>(Activity.class);
        for (Segment s : plan.segments()) {
            m.merge(s.activity(), s.seconds() / 60.0, Double::sum);
        }
        return m;
    }

    /** Writes {@code dir/<deviceId>/<date>.json}. */
    public Path write(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(deviceId));
        String date = plan.start().atZone(ZoneOffset.UTC).toLocalDate().toString();
        Path file = folder.resolve(date + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), toJson());
        return file;
    }

    /** The ground-truth document, as docs/simulator.md describes it. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deviceId", deviceId);
        m.put("date", plan.start().atZone(ZoneOffset.UTC).toLocalDate().toString());
        m.put("start", plan.start().toString());
        m.put("end", plan.end().toString());
        m.put("rateHz", rateHz);
        m.put("wearMinutes", wearMinutes());
        m.put("nonWearMinutes", nonWearMinutes());
        m.put("mvpaMinutes", mvpaMinutes());
        m.put("stepsIntended", steps);
        Map<String, Object> minutes = new LinkedHashMap<>();
        activityMinutes().forEach((a, v) -> minutes.put(a.name().toLowerCase(), v));
        m.put("activityMinutes", minutes);
        m.put("impacts", impactsJson());
        m.put("segments", segmentsJson());
        m.put("offline", offlineJson());
        m.put(
                "loadingEvents",
                plan.loads().stream().map(e -> e.toJson(plan.start())).toList());
        return m;
    }

    private Map<String, Object> impactsJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", impacts);
        m.put("thresholdG", 1.3);
        Map<String, Object> bands = new LinkedHashMap<>();
        bands.put("set", bandSet.name());
        for (int b = 0; b < bandCounts.length; b++) {
            bands.put(bandSet.bands().get(b).name(), bandCounts[b]);
        }
        m.put("bands", bands);
        List<Map<String, Object>> bins = new ArrayList<>();
        for (int b = 0; b < histogram.bins(); b++) {
            if (histogram.count(b) > 0) {
                Map<String, Object> bin = new LinkedHashMap<>();
                bin.put("lowerG", histogram.lowerG(b));
                // JSON has no infinity: the open last bin has no upper edge.
                bin.put("upperG", Double.isInfinite(histogram.upperG(b)) ? null : histogram.upperG(b));
                bin.put("count", histogram.count(b));
                bins.add(bin);
            }
        }
        m.put("histogram", bins);
        m.put(
                "jumps",
                jumps.stream()
                        .map(j ->
                                Map.of("t", Instant.ofEpochMilli(j.timeMillis()).toString(), "peakG", j.peakG()))
                        .toList());
        return m;
    }

    private List<Map<String, Object>> segmentsJson() {
        return plan.segments().stream()
                .map(s -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("activity", s.activity().name().toLowerCase());
                    m.put("from", plan.start().plusSeconds(s.startSecond()).toString());
                    m.put("to", plan.start().plusSeconds(s.endSecond()).toString());
                    if (s.activity() == Activity.JUMPS) {
                        m.put("jumpPeakG", s.jumpPeakG());
                    }
                    return m;
                })
                .toList();
    }

    private List<Map<String, Object>> offlineJson() {
        return plan.offline().stream()
                .map(o -> Map.<String, Object>of(
                        "from", plan.start().plusSeconds(o.startSecond()).toString(),
                        "to", plan.start().plusSeconds(o.endSecond()).toString()))
                .toList();
    }
}
