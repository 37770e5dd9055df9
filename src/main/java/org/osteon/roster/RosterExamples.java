package org.osteon.roster;

/**
 * Bodies of the roster API for the OpenAPI document.
 */
final class RosterExamples {
    private RosterExamples() {}

    /** A page of the roster: a patient whose adherence fell, with a cap exceeded and an open alert. */
    static final String PAGE = "{\"items\":[{\"patientId\":\"5f0c…\",\"displayName\":\"OST-0042\","
            + "\"lastWeekStart\":\"2026-03-09\",\"lastWeekAdherence\":0.62,\"previousWeekAdherence\":0.81,"
            + "\"trend\":-0.19,\"currentWeekStart\":\"2026-03-16\",\"currentWeekAdherence\":0.4,"
            + "\"currentWeekStatus\":\"in_progress\",\"openAlerts\":1,\"flags\":[\"cap_exceeded\",\"open_alerts\"],"
            + "\"lastSyncAt\":\"2026-03-16T07:02:11Z\",\"currentWeekComponents\":[{\"kind\":\"impacts\","
            + "\"adherence\":0.3,\"status\":\"in_progress\"},{\"kind\":\"steps\",\"adherence\":0.55,"
            + "\"status\":\"in_progress\"}],\"worstOpenAlert\":\"safety_cap\",\"daysWithDataLast30\":24}],\"page\":0,\"size\":50,\"total\":1}";
}
