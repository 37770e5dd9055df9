package org.osteon.alert;

/**
 * Bodies of the alert API for the OpenAPI document.
 */
final class AlertExamples {
    private AlertExamples() {}

    /** An open alert: bouted MVPA fell against the patient's own baseline, with the numbers behind it. */
    static final String ALERT = "{\"id\":\"9b1e…\",\"patientId\":\"5f0c…\",\"patientDisplayName\":\"OST-0042\","
            + "\"rule\":\"mood_decline\",\"metric\":\"mvpa_bouted_10\",\"status\":\"open\","
            + "\"raisedAt\":\"2026-03-25T06:15:00Z\",\"message\":\"Bouted MVPA (bouts of 10 min or more) fell from "
            + "a mean of 32.0 to 18.5 min/day (−42 %): 2026-03-18 to 2026-03-24 (5 valid days) against 2026-03-04 "
            + "to 2026-03-17 (12 valid days); alert below −30 %.\",\"details\":{\"metric\":\"mvpa_bouted_10\","
            + "\"baselineMean\":32.0,\"recentMean\":18.5,\"change\":-0.4219,\"unit\":\"min/day\","
            + "\"recentWindow\":{\"from\":\"2026-03-18\",\"to\":\"2026-03-24\",\"validDays\":5},"
            + "\"baselineWindow\":{\"from\":\"2026-03-04\",\"to\":\"2026-03-17\",\"validDays\":12},"
            + "\"parameters\":{\"fraction\":0.3,\"recentDays\":7,\"baselineDays\":14,\"minRecentValidDays\":4,"
            + "\"minBaselineValidDays\":7,\"minWearHours\":10.0},\"definition\":\"docs/metrics-implementation.md "
            + "(MVPA, bouts; …)\"},\"acknowledgedBy\":null,\"acknowledgedAt\":null,\"resolvedAt\":null,"
            + "\"resolution\":null,\"acknowledgementNote\":null}";

    /** A page of alerts. */
    static final String PAGE = "{\"items\":[" + ALERT + "],\"page\":0,\"size\":50,\"total\":1}";

    /** An alert after its acknowledgement. */
    static final String ACKNOWLEDGED = "{\"id\":\"9b1e…\",\"patientId\":\"5f0c…\","
            + "\"patientDisplayName\":\"OST-0042\",\"rule\":\"no_sync\",\"metric\":null,"
            + "\"status\":\"acknowledged\",\"raisedAt\":\"2026-03-25T06:15:00Z\",\"message\":\"No data synced for "
            + "2.3 days: last accepted batch at 2026-03-22T23:02:11Z; alert after 2 days.\","
            + "\"details\":{\"lastSyncAt\":\"2026-03-22T23:02:11Z\",\"daysSilent\":2.3,"
            + "\"parameters\":{\"days\":2}},\"acknowledgedBy\":\"physio-7\","
            + "\"acknowledgedAt\":\"2026-03-25T08:01:00Z\",\"resolvedAt\":null,\"resolution\":null,"
            + "\"acknowledgementNote\":\"Called the patient: the watch was charging at her daughter's.\"}";

    /** An acknowledgement's body with a note. */
    static final String NOTE = "{\"note\":\"Called the patient: the watch was charging at her daughter's.\"}";

    /** A note over the limit. */
    static final String NOTE_400 = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"note: must be at most 1000 characters; this one has 1204\","
            + "\"instance\":\"/api/v1/alerts/9b1e…/acknowledge\","
            + "\"errors\":[{\"field\":\"note\",\"message\":\"must be at most 1000 characters; this one has 1204\"}]}";

    /** A status filter the API does not know. */
    static final String STATUS_400 = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"status: must be open, acknowledged, resolved or all\",\"instance\":\"/api/v1/alerts\","
            + "\"errors\":[{\"field\":\"status\",\"message\":\"must be open, acknowledged, resolved or all\"}]}";

    /** An alert that does not exist, or is about no patient of the caller's. */
    static final String ALERT_NOT_FOUND = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
            + "\"detail\":\"alert '9b1e…' does not exist\",\"instance\":\"/api/v1/alerts/9b1e…/acknowledge\"}";
}
