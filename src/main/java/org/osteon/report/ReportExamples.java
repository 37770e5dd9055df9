package org.osteon.report;

/** Examples for the OpenAPI document: the bone–brain report. */
final class ReportExamples {
    private ReportExamples() {}

    static final String REPORT = "{\"patientId\":\"5f0c…\",\"timeZone\":\"Europe/Vienna\",\"from\":\"2026-11-23\","
            + "\"to\":\"2026-11-29\",\"definitions\":{\"bone.impactsPerDay\":{\"reference\":\"docs/metrics.md §4, impact "
            + "peaks\",\"parameters\":{\"minPeakG\":1.3,\"thresholdG\":\"bone.impactsThresholdG\"}},\"bone.estimatedPeakGrf\":{\"reference\":\"docs/metrics.md §4, "
            + "estimated peak ground-reaction force (Veras et al., Eur J Sport Sci 2023;23:1518 walking/running; Sensors "
            + "2023;23:2246 jumping); each day's equation, coefficients and validation figures in its provenance\","
            + "\"parameters\":{\"minPeakG\":1.3,\"minPeakDistanceSeconds\":0.4}},\"mood\":{\"reference\":"
            + "\"docs/mood.md (PHQ-9: Kroenke et al. 2001; PHQ-8: Kroenke et al. 2009)\",\"parameters\":{\"measures\":"
            + "[\"phq-9\",\"phq-8\"]}}},\"weeks\":[{\"weekStart\":\"2026-11-23\",\"weekEnd\":\"2026-11-29\",\"validDays\":6,"
            + "\"bone\":{\"impactsThresholdG\":4.2,\"impactsPerDay\":31.5,\"impactsByBand\":{\"high\":189,\"low\":4210,"
            + "\"medium\":655},\"osteogenicIndexPerDay\":41.2,\"dailyStressStimulusPerDay\":12.6,"
            + "\"estimatedPeakGrf\":{\"days\":6,\"reason\":null,\"models\":[{\"model\":\"walking/running\","
            + "\"peaks\":18420,\"meanBodyWeights\":2.012,\"maxBodyWeights\":2.139},{\"model\":\"jumping\","
            + "\"peaks\":18420,\"meanBodyWeights\":1.765,\"maxBodyWeights\":2.536}]}},\"activity\":"
            + "{\"mvpaBoutMinutes\":10,\"mvpaBoutedMinutes\":142.0,\"stepsPerDay\":7420.5},\"rhythm\":{\"ra\":0.86,"
            + "\"is\":0.61,\"iv\":0.74},\"mood\":{\"questionnaire\":\"phq-9\",\"total\":8,\"band\":\"mild\","
            + "\"answeredAt\":\"2026-11-26T18:20:00Z\",\"responses\":1},\"adherence\":{\"overall\":0.82,\"status\":"
            + "\"partial\",\"components\":[{\"kind\":\"impacts\",\"ratio\":0.9,\"status\":\"partial\"},{\"kind\":\"mvpa\","
            + "\"ratio\":0.95,\"status\":\"partial\"}]},\"wear\":{\"hoursPerDay\":14.2},\"sleep\":{\"nights\":6,"
            + "\"durationMinutesPerNight\":412.5,\"midpointMinutesAfterNoon\":818.5,\"midpointLocalTime\":\"01:38\","
            + "\"midpointSdMinutes\":21.4}}]}";

    static final String REPORT_CSV = "week_start,week_end,valid_days,impacts_threshold_g,impacts_per_day,impacts_low,"
            + "impacts_medium,impacts_high,osteogenic_index_per_day,daily_stress_stimulus_per_day,grf_days,"
            + "grf_walking_running_mean_bw,grf_walking_running_max_bw,grf_jumping_mean_bw,grf_jumping_max_bw,mvpa_bout_minutes,"
            + "mvpa_bouted_minutes,steps_per_day,ra,is,iv,mood_questionnaire,mood_total,mood_band,mood_answered_at,"
            + "mood_responses,adherence_overall,adherence_status,adherence_components,wear_hours_per_day,sleep_nights,"
            + "sleep_duration_minutes_per_night,sleep_midpoint_minutes_after_noon,sleep_midpoint_local_time,"
            + "sleep_midpoint_sd_minutes\r\n"
            + "2026-11-23,2026-11-29,6,4.2,31.5,4210,655,189,41.2,12.6,6,2.012,2.139,1.765,2.536,10,142.0,7420.5,0.86,0.61,0.74,phq-9,8,mild,"
            + "2026-11-26T18:20:00Z,1,0.82,partial,impacts=0.9 mvpa=0.95,14.2,6,412.5,818.5,01:38,21.4\r\n";
}
