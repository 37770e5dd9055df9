package org.osteon.scoring.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osteon.scoring.Provenance;
import org.osteon.scoring.bone.LoadingScore;
import org.osteon.scoring.circadian.Circadian;
import org.osteon.scoring.summary.BandCount;
import org.osteon.scoring.summary.BoutMinutes;
import org.osteon.scoring.summary.DaySummary;
import org.osteon.scoring.summary.HistogramBin;

/** Renders the per-day summaries of one scored file as JSON, with snake_case member names. */
final class DaySummaryJson {

    private DaySummaryJson() {}

    /**
     * @param recording members describing the input (file, device, rate, start, settings)
     * @param days one summary per local day, in date order
     * @param circadian multi-day rhythm, when there were enough days
     */
    static String render(Map<String, Object> recording, List<DaySummary> days, Optional<Circadian> circadian) {
        JsonWriter json = new JsonWriter().beginObject();
        json.name("recording").beginObject();
        for (Map.Entry<String, Object> e : recording.entrySet()) {
            Object v = e.getValue();
            json.name(e.getKey());
            if (v instanceof Number n) {
                json.value(n.doubleValue());
            } else {
                json.value(v == null ? null : v.toString());
            }
        }
        json.endObject();
        json.name("days").beginArray();
        for (DaySummary d : days) {
            day(json, d);
        }
        json.endArray();
        json.name("circadian");
        if (circadian.isPresent()) {
            circadian(json, circadian.get());
        } else {
            json.value((String) null);
        }
        return json.endObject().toString() + "\n";
    }

    private static void day(JsonWriter json, DaySummary d) {
        json.beginObject();
        json.name("date").value(d.date().toString());
        json.name("wear_minutes").value(d.wearMinutes());
        json.name("enmo_mean_mg").value(d.enmoMeanMg());
        json.name("mvpa_minutes").value(d.mvpaMinutes());
        json.name("mvpa_bouts");
        bouts(json, d.mvpaBouts());
        json.name("inactivity_bouts");
        bouts(json, d.inactivityBouts());
        json.name("sedentary_minutes").value(d.sedentaryMinutes());
        json.name("steps").value(d.steps());
        json.name("peak_histogram").beginArray();
        for (HistogramBin b : d.peakHistogram()) {
            json.beginObject()
                    .name("lower_g")
                    .value(b.lowerG())
                    .name("upper_g")
                    .value(b.upperG())
                    .name("count")
                    .value(b.count())
                    .endObject();
        }
        json.endArray();
        json.name("impact_bands").beginArray();
        for (BandCount b : d.impactBands()) {
            json.beginObject()
                    .name("band")
                    .value(b.band())
                    .name("lower_g")
                    .value(b.lowerG())
                    .name("upper_g")
                    .value(b.upperG())
                    .name("count")
                    .value(b.count())
                    .endObject();
        }
        json.endArray();
        json.name("loading").beginArray();
        for (LoadingScore l : d.loading()) {
            json.beginObject()
                    .name("source")
                    .value(l.source().name().toLowerCase(Locale.ROOT))
                    .name("osteogenic_index")
                    .value(l.osteogenicIndex())
                    .name("daily_stress_stimulus")
                    .value(l.dailyStressStimulus())
                    .name("provenance");
            provenance(json, l.provenance());
            json.endObject();
        }
        json.endArray();
        json.name("provenance").beginObject();
        json.name("activity");
        provenance(json, d.activityProvenance());
        json.name("steps");
        provenance(json, d.stepsProvenance());
        json.name("impacts");
        provenance(json, d.impactProvenance());
        json.endObject();
        json.endObject();
    }

    private static void bouts(JsonWriter json, List<BoutMinutes> bouts) {
        json.beginArray();
        for (BoutMinutes b : bouts) {
            json.beginObject()
                    .name("bout_minutes")
                    .value(b.boutMinutes())
                    .name("minutes")
                    .value(b.minutes())
                    .endObject();
        }
        json.endArray();
    }

    private static void circadian(JsonWriter json, Circadian c) {
        json.beginObject();
        json.name("days").value(c.days());
        json.name("hours").value(c.hours());
        json.name("interdaily_stability").value(c.interdailyStability());
        json.name("intradaily_variability").value(c.intradailyVariability());
        json.name("m10_mg").value(c.m10Mg());
        json.name("m10_start_minute").value(c.m10StartMinute());
        json.name("l5_mg").value(c.l5Mg());
        json.name("l5_start_minute").value(c.l5StartMinute());
        json.name("relative_amplitude").value(c.relativeAmplitude());
        json.name("provenance");
        provenance(json, c.provenance());
        json.endObject();
    }

    private static void provenance(JsonWriter json, Provenance p) {
        json.beginObject();
        json.name("algorithm").value(p.algorithm());
        json.name("version").value(p.version());
        json.name("parameters");
        structured(json, p.parameters());
        json.endObject();
    }

    /** Writes a value of {@link Provenance#structured}: a string, number, boolean, null, list or map. */
    private static void structured(JsonWriter json, Object v) {
        if (v instanceof Map<?, ?> m) {
            json.beginObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                json.name(String.valueOf(e.getKey()));
                structured(json, e.getValue());
            }
            json.endObject();
        } else if (v instanceof List<?> l) {
            json.beginArray();
            l.forEach(item -> structured(json, item));
            json.endArray();
        } else if (v instanceof Integer || v instanceof Long) {
            json.value(((Number) v).longValue());
        } else if (v instanceof Number n) {
            json.value(n.doubleValue());
        } else if (v instanceof Boolean b) {
            json.value(b);
        } else {
            json.value(v == null ? null : v.toString());
        }
    }
}
