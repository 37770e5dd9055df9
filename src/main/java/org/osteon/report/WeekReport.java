package org.osteon.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One Monday-to-Sunday week of a patient, bone and brain side by side. Daily figures are means
 * over the week's valid days (wear of at least {@code validDayMinWearHours}, the adherence rule);
 * weekly figures are sums or the value at the week's end, as each field says. Every figure's
 * definition and parameters are in the report's {@code definitions}, under the field's name.
 *
 * @param validDays days of the week with enough wear to count
 */
public record WeekReport(
        LocalDate weekStart,
        LocalDate weekEnd,
        int validDays,
        Bone bone,
        Activity activity,
        Rhythm rhythm,
        Mood mood,
        Adherence adherence,
        Wear wear,
        Sleep sleep) {

    /**
     * @param impactsThresholdG the threshold the program prescribed (the week's last day in force),
     *     or the default high band when it prescribed none
     * @param impactsPerDay mean peaks at or above it per valid day
     * @param impactsByBand peaks per band, summed over the valid days
     * @param estimatedPeakGrf the estimated peak ground-reaction force over the valid days (null
     *     with no valid day)
     */
    public record Bone(
            double impactsThresholdG,
            Double impactsPerDay,
            Map<String, Integer> impactsByBand,
            Double osteogenicIndexPerDay,
            Double dailyStressStimulusPerDay,
            PeakGrf estimatedPeakGrf) {}

    /**
     * The week's estimated peak ground-reaction force (docs/metrics.md §4), per activity model, over
     * the valid days that have an estimate; each day's provenance holds the equation, its
     * coefficients, source and validation figures.
     *
     * @param days valid days with an estimate
     * @param reason when none has one, why not (the reason of the week's last valid day), else null
     */
    public record PeakGrf(int days, String reason, List<PeakGrfModel> models) {}

    /**
     * @param model {@code walking/running} or {@code jumping}: what the peaks would mean if all were that activity
     * @param peaks the days' peaks
     * @param meanBodyWeights mean estimated peak GRF over all those peaks, in body weights (null with none)
     * @param maxBodyWeights the largest of them, in body weights (null with none)
     */
    public record PeakGrfModel(String model, int peaks, Double meanBodyWeights, Double maxBodyWeights) {}

    /**
     * @param mvpaBoutMinutes the bout length the program prescribed (10 when it prescribed none)
     * @param mvpaBoutedMinutes MVPA in such bouts, summed over the valid days
     */
    public record Activity(int mvpaBoutMinutes, Double mvpaBoutedMinutes, Double stepsPerDay) {}

    /** RA, IS and IV over the 7 days ending on the week's last day: the week itself. */
    public record Rhythm(Double ra, Double is, Double iv) {}

    /** The week's last severity response (PHQ-9 or PHQ-8), and how many responses of any kind. */
    public record Mood(String questionnaire, Integer total, String band, String answeredAt, int responses) {}

    /** The week's adherence as the adherence API judges it. */
    public record Adherence(Double overall, String status, List<Component> components) {}

    public record Component(String kind, Double ratio, String status) {}

    public record Wear(Double hoursPerDay) {}

    /**
     * The week's nights (those starting at noon of its Monday to its Sunday) with a sleep window.
     *
     * @param durationMinutesPerNight mean window duration
     * @param midpointMinutesAfterNoon mean midpoint, minutes after the noon starting each night
     * @param midpointLocalTime that mean as a local clock time (HH:mm), for reading
     * @param midpointSdMinutes sample SD of the midpoints (null below 3 nights)
     */
    public record Sleep(
            int nights,
            Double durationMinutesPerNight,
            Double midpointMinutesAfterNoon,
            String midpointLocalTime,
            Double midpointSdMinutes) {}

    /**
     * The week as the API shows it: means rounded as the days API rounds the day values they come
     * from ({@code ScoredDay.shown}), one more decimal for per-day means of whole counts, so that a
     * mean of 11.142857… peaks reads 11.14 and a night 460.9 minutes. Counts, ratios the adherence
     * API already rounded, and the mood score are as they are. Rounding is the last step: every
     * sum and mean is taken over the days' shown values first.
     */
    public WeekReport shown() {
        return new WeekReport(
                weekStart,
                weekEnd,
                validDays,
                new Bone(
                        bone.impactsThresholdG(),
                        round(bone.impactsPerDay(), 2),
                        bone.impactsByBand(),
                        round(bone.osteogenicIndexPerDay(), 3),
                        round(bone.dailyStressStimulusPerDay(), 3),
                        bone.estimatedPeakGrf() == null
                                ? null
                                : new PeakGrf(
                                        bone.estimatedPeakGrf().days(),
                                        bone.estimatedPeakGrf().reason(),
                                        bone.estimatedPeakGrf().models() == null
                                                ? null
                                                : bone.estimatedPeakGrf().models().stream()
                                                        .map(m -> new PeakGrfModel(
                                                                m.model(),
                                                                m.peaks(),
                                                                round(m.meanBodyWeights(), 3),
                                                                round(m.maxBodyWeights(), 3)))
                                                        .toList())),
                new Activity(
                        activity.mvpaBoutMinutes(),
                        round(activity.mvpaBoutedMinutes(), 2),
                        round(activity.stepsPerDay(), 1)),
                rhythm,
                mood,
                adherence,
                new Wear(round(wear.hoursPerDay(), 2)),
                sleep == null
                        ? null
                        : new Sleep(
                                sleep.nights(),
                                round(sleep.durationMinutesPerNight(), 1),
                                round(sleep.midpointMinutesAfterNoon(), 1),
                                sleep.midpointLocalTime(),
                                round(sleep.midpointSdMinutes(), 1)));
    }

    private static Double round(Double v, int decimals) {
        return org.osteon.common.Decimals.shown(v, decimals);
    }
}
