package org.osteon.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When physiotherapists are alerted, and how often the rules are evaluated (docs/alerts.md). */
@ConfigMapping(prefix = "osteon.alerts")
public interface AlertConfig {

    /** Whether this instance evaluates the rules at all (after scored days and in the periodic sweep). */
    @WithDefault("true")
    boolean enabled();

    /**
     * How often every patient with a program in force is evaluated (Quarkus scheduler syntax, e.g.
     * {@code 15m}; {@code off} turns the sweep off). The sweep is what notices silence: no day is
     * scored for a patient whose device does not sync. One instance at a time sweeps.
     */
    @WithDefault("15m")
    String every();

    /**
     * After a day of a patient is scored, the patient's rules run at most this often: a device
     * streaming live has its day scored every second or so, and the rules judge whole days. The
     * evaluation runs off the scoring thread, so scoring never waits for it.
     */
    @WithDefault("30s")
    java.time.Duration afterScoringInterval();

    /**
     * Days before today that are read for non-adherence streaks and safety-cap days. A cap day
     * that arrives with a sync later than this is not alerted; a streak longer than this is one
     * alert all the same.
     */
    @WithDefault("14")
    int lookbackDays();

    /** Non-adherence: scheduled days missed in a row. */
    NonAdherence nonAdherence();

    /** No sync: silence of all of a patient's devices. */
    NoSync noSync();

    /** Decline of bouted MVPA or relative amplitude against the patient's own baseline. */
    MoodDecline moodDecline();

    /** Alerts from questionnaire responses (docs/mood.md); item 9 has no parameter: any answer above 0. */
    Questionnaires questionnaires();

    interface Questionnaires {
        /**
         * phq_worsening: a PHQ-9 or PHQ-8 total this many points above the patient's baseline (their
         * first such response). Five points is the PHQ-9's minimal clinically important difference
         * (Löwe et al., Med Care 2004;42:1194–1201) and the width of each of its bands.
         */
        @WithDefault("5")
        int worseningPoints();
    }

    interface NonAdherence {
        /** Consecutive scheduled days whose overall adherence is {@code missed} that raise an alert. */
        @WithDefault("3")
        int days();

        /**
         * Whether a scheduled day with too little wear ({@code no_data}) counts as missed. It does by
         * default: a device left on the desk on three scheduled days is the disengagement this alert
         * is for. Only days a later sync has covered are judged either way, so a patient who is merely
         * offline is the no-sync alert's business. With {@code false}, such a day breaks a streak.
         */
        @WithDefault("true")
        boolean noDataCountsAsMissed();
    }

    interface NoSync {
        /**
         * Days without an accepted batch from any of the patient's devices (or since registration,
         * when none ever synced) after which a patient with a program in force and a device is alerted.
         */
        @WithDefault("2")
        int days();
    }

    interface MoodDecline {
        /** Alert when the recent mean is below the baseline mean by more than this fraction of it. */
        @WithDefault("0.30")
        double fraction();

        /** Days of the recent window, ending with the last day a sync has covered (at latest yesterday). */
        @WithDefault("7")
        int recentDays();

        /** Days of the baseline window, the days just before the recent window. */
        @WithDefault("14")
        int baselineDays();

        /** Valid days (enough wear, as osteon.adherence.min-wear-hours, and a value) the recent window needs. */
        @WithDefault("4")
        int minRecentValidDays();

        /** Valid days the baseline window needs. */
        @WithDefault("7")
        int minBaselineValidDays();
    }
}
