package org.osteon.simulator;

/**
 * What the wearer does in a {@link Segment}. Each activity is designed to land in one intensity
 * class under the GGIR default cut points (40/100/400 mg ENMO), so that the schedule's intended
 * MVPA is what a scorer should find: walking light, brisk walking moderate, running vigorous.
 */
public enum Activity {
    SLEEP(false, true),
    SITTING(false, true),
    WALKING(false, true),
    BRISK_WALKING(true, true),
    RUNNING(true, true),
    /** Counter-movement jumps, one every 5.2–6.6 s: each landing is an impact, the epochs stay light. */
    JUMPS(false, true),
    /** The device lies still on a table or charger. */
    NON_WEAR(false, false);

    private final boolean mvpa;
    private final boolean worn;

    Activity(boolean mvpa, boolean worn) {
        this.mvpa = mvpa;
        this.worn = worn;
    }

    public boolean mvpa() {
        return mvpa;
    }

    public boolean worn() {
        return worn;
    }
}
