package org.osteon.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A loading event a smart device reports on the load stream (device contract §4). */
public sealed interface LoadEvent {

    /** Seconds from the plan's start. */
    int second();

    /** The event as the contract's JSON object, for the payload and for the ground truth. */
    Map<String, Object> toJson(Instant planStart);

    /** Resistance sets logged by smart gym equipment. */
    record Resistance(int second, String exercise, int sets, int reps, double loadKg, double oneRmKg)
            implements LoadEvent {
        @Override
        public Map<String, Object> toJson(Instant planStart) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("t", planStart.plusSeconds(second).toString());
            m.put("kind", "resistance");
            m.put("exercise", exercise);
            m.put("sets", sets);
            m.put("reps", reps);
            m.put("loadKg", loadKg);
            m.put("oneRmKg", oneRmKg);
            return m;
        }
    }

    /** Ground-reaction-force peaks measured by insoles. */
    record Grf(int second, double peakBw, int cycles) implements LoadEvent {
        @Override
        public Map<String, Object> toJson(Instant planStart) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("t", planStart.plusSeconds(second).toString());
            m.put("kind", "grf");
            m.put("peakBw", peakBw);
            m.put("cycles", cycles);
            return m;
        }
    }
}
