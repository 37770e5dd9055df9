package org.osteon.simulator;

/**
 * A stretch of one activity in a {@link DayPlan}.
 *
 * @param activity what the wearer does
 * @param startSecond seconds from the plan's start
 * @param seconds length
 * @param jumpPeakG landing peak of each jump (g), for {@link Activity#JUMPS}; 0 otherwise
 */
public record Segment(Activity activity, int startSecond, int seconds, double jumpPeakG) {

    public Segment {
        if (seconds <= 0 || startSecond < 0) {
            throw new IllegalArgumentException(
                    "segment needs a start >= 0 and a length > 0: " + startSecond + "+" + seconds);
        }
        if (activity == Activity.JUMPS && !(jumpPeakG >= 1.5)) {
            throw new IllegalArgumentException("a jump session needs a landing peak >= 1.5 g: " + jumpPeakG);
        }
    }

    public int endSecond() {
        return startSecond + seconds;
    }
}
