package org.osteon.support;

import java.time.Instant;
import java.util.List;
import org.osteon.simulator.Activity;
import org.osteon.simulator.DayPlan;
import org.osteon.simulator.Segment;
import org.osteon.simulator.SignalGenerator;

/** Two hours of simulated wrist data across a local midnight, as whole arrays. */
public final class Signals {
    public static final int RATE_HZ = 25;
    public static final int SECONDS = 2 * 3600;

    public final float[] x;
    public final float[] y;
    public final float[] z;

    private Signals(float[] x, float[] y, float[] z) {
        this.x = x;
        this.y = y;
        this.z = z;
    }

    /** Walking, jump sets, a run and long sitting, starting at {@code start}. */
    public static Signals twoHours(Instant start) {
        DayPlan plan = DayPlan.of(
                start,
                List.of(
                        new Segment(Activity.WALKING, 0, 900, 0),
                        new Segment(Activity.JUMPS, 900, 300, 4.5),
                        new Segment(Activity.SITTING, 1200, 2400, 0),
                        new Segment(Activity.RUNNING, 3600, 900, 0),
                        new Segment(Activity.JUMPS, 4500, 300, 3.2),
                        new Segment(Activity.SITTING, 4800, 2400, 0)));
        SignalGenerator g = new SignalGenerator("engine-test", plan, RATE_HZ, 7);
        int n = SECONDS * RATE_HZ;
        float[] x = new float[n];
        float[] y = new float[n];
        float[] z = new float[n];
        int at = 0;
        int k;
        while (at < n && (k = g.fill(x, y, z, at, Math.min(RATE_HZ, n - at))) > 0) {
            at += k;
        }
        // Three decimals, as a JSON batch carries them, so that stored and direct data agree.
        for (float[] a : new float[][] {x, y, z}) {
            for (int i = 0; i < n; i++) {
                a[i] = Math.round(a[i] * 1000f) / 1000f;
            }
        }
        return new Signals(x, y, z);
    }

    public int length() {
        return x.length;
    }
}
