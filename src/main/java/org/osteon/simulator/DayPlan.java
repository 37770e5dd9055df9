package org.osteon.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The schedule of one simulated device-day: contiguous activity segments from {@code start}, the
 * periods the device has no connection (it keeps recording and syncs later), and loading events
 * from smart equipment.
 *
 * @param start instant of the first sample
 * @param segments contiguous segments, the first starting at second 0
 * @param offline periods without a connection, in plan seconds
 * @param loads loading events, in plan seconds
 */
public record DayPlan(Instant start, List<Segment> segments, List<Offline> offline, List<LoadEvent> loads) {

    /** A period without a connection, {@code [startSecond, startSecond + seconds)}. */
    public record Offline(int startSecond, int seconds) {
        public int endSecond() {
            return startSecond + seconds;
        }

        boolean contains(int second) {
            return second >= startSecond && second < endSecond();
        }
    }

    public DayPlan {
        segments = List.copyOf(segments);
        offline = List.copyOf(offline);
        loads = List.copyOf(loads);
        int at = 0;
        for (Segment s : segments) {
            if (s.startSecond() != at) {
                throw new IllegalArgumentException("segments must be contiguous from 0; gap or overlap at " + at);
            }
            at = s.endSecond();
        }
        if (at == 0) {
            throw new IllegalArgumentException("a plan needs at least one segment");
        }
    }

    /** A plan with no offline period and no loading events. */
    public static DayPlan of(Instant start, List<Segment> segments) {
        return new DayPlan(start, segments, List.of(), List.of());
    }

    public int seconds() {
        return segments.get(segments.size() - 1).endSecond();
    }

    public Instant end() {
        return start.plusSeconds(seconds());
    }

    public boolean offlineAt(int second) {
        for (Offline o : offline) {
            if (o.contains(second)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The part of this plan in {@code [fromSecond, toSecond)}, starting at its own second 0; used
     * when a run starts or ends within a day. Segments, offline periods and loads are clipped.
     */
    public DayPlan crop(int fromSecond, int toSecond) {
        if (fromSecond < 0 || toSecond > seconds() || fromSecond >= toSecond) {
            throw new IllegalArgumentException("no part of the plan in [" + fromSecond + ", " + toSecond + ")");
        }
        List<Segment> segs = new ArrayList<>();
        for (Segment s : segments) {
            int from = Math.max(s.startSecond(), fromSecond);
            int to = Math.min(s.endSecond(), toSecond);
            if (from < to) {
                segs.add(new Segment(s.activity(), from - fromSecond, to - from, s.jumpPeakG()));
            }
        }
        List<Offline> off = new ArrayList<>();
        for (Offline o : offline) {
            int from = Math.max(o.startSecond(), fromSecond);
            int to = Math.min(o.endSecond(), toSecond);
            if (from < to) {
                off.add(new Offline(from - fromSecond, to - from));
            }
        }
        List<LoadEvent> kept = new ArrayList<>();
        for (LoadEvent e : loads) {
            if (e.second() >= fromSecond && e.second() < toSecond) {
                kept.add(shift(e, -fromSecond));
            }
        }
        return new DayPlan(start.plusSeconds(fromSecond), segs, off, kept);
    }

    private static LoadEvent shift(LoadEvent e, int by) {
        if (e instanceof LoadEvent.Resistance r) {
            return new LoadEvent.Resistance(r.second() + by, r.exercise(), r.sets(), r.reps(), r.loadKg(), r.oneRmKg());
        }
        LoadEvent.Grf g = (LoadEvent.Grf) e;
        return new LoadEvent.Grf(g.second() + by, g.peakBw(), g.cycles());
    }
}
