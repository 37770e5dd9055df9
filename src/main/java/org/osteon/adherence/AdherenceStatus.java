package org.osteon.adherence;

/** How a component did on a day or in a week. */
public enum AdherenceStatus {
    /** The target was reached. */
    met,
    /** At least the configured share of the target, but not all of it. */
    partial,
    /** Less than that. */
    missed,
    /** Too little wear to tell; never counted as missed. */
    no_data,
    /** Nothing was due: no program or component in force, or a day off a session schedule. */
    not_scheduled,
    /**
     * Today, or the week that holds today, in the patient's time zone: not over, and its target not
     * reached yet. {@code achieved} is the amount so far.
     */
    in_progress
}
