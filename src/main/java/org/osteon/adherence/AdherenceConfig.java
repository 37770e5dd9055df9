package org.osteon.adherence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How adherence is judged. */
@ConfigMapping(prefix = "osteon.adherence")
public interface AdherenceConfig {

    /** Hours of wear below which a day is {@code no_data}: never counted as missed, left out of weekly targets. */
    @WithDefault("10")
    double minWearHours();

    /** A ratio at or above this (and below 1) is {@code partial}; below it, {@code missed}. */
    @WithDefault("0.5")
    double partialFrom();

    /** Longest {@code from..to} range a days or adherence request may span, in days. */
    @WithDefault("366")
    int maxRangeDays();

    /**
     * Most bytes of adherence answers kept for the requests apps repeat ({@link AdherenceAnswers}).
     * A week's answer is about 1 KB, 30 days about 5 KB: 64 MiB keeps both for some 10,000
     * patients. {@code 0} turns keeping answers off.
     */
    @WithDefault("67108864")
    long answerCacheBytes();

    /**
     * Longest an answer is kept when nothing of its patient changes: it frees the room of patients
     * no app asks for; every change ends an answer at once, whatever this says.
     */
    @WithDefault("PT10M")
    Duration answerCacheTtl();

    /** Weights of the component kinds in the weekly overall adherence. */
    Weights weights();

    /** One weight per kind; only components in the program and with data count, weighted by these. */
    interface Weights {
        /** Weight of the impacts component. */
        @WithDefault("1")
        double impacts();

        /** Weight of the MVPA component. */
        @WithDefault("1")
        double mvpa();

        /** Weight of the steps component. */
        @WithDefault("1")
        double steps();

        /** Weight of the resistance component. */
        @WithDefault("1")
        double resistance();

        /** Weight of the sedentary component. */
        @WithDefault("1")
        double sedentary();

        /** Weight of the mood check-in component: one answer a period, as much a part of the program as a session. */
        @WithDefault("1")
        double checkin();

        default double of(String kind) {
            return switch (kind) {
                case "impacts" -> impacts();
                case "mvpa" -> mvpa();
                case "steps" -> steps();
                case "resistance" -> resistance();
                case "sedentary" -> sedentary();
                case "checkin" -> checkin();
                default -> 0;
            };
        }
    }
}
