package org.osteon.privacy;

/**
 * Bodies of the export API for the OpenAPI document.
 */
final class PrivacyExamples {
    private PrivacyExamples() {}

    /** A readable export, each section cut to one entry. */
    static final String READABLE = "{\"patientId\":\"5f0c…\",\"exportedAt\":\"2026-11-27T10:00:00Z\","
            + "\"profile\":{\"id\":\"5f0c…\",\"displayName\":\"OST-0042\",\"timeZone\":\"Europe/Vienna\","
            + "\"bodyMassKg\":64.5,\"createdAt\":\"2026-03-01T09:00:00Z\"},"
            + "\"devices\":[{\"deviceId\":\"wrist-7f3a\",\"patientId\":\"5f0c…\",\"placement\":\"wrist\","
            + "\"rangeG\":16.0,\"model\":\"IMU-9\",\"registeredAt\":\"2026-03-01T09:05:00Z\",\"revokedAt\":null,"
            + "\"topics\":{\"accel\":\"osteon/v1/devices/wrist-7f3a/accel\","
            + "\"load\":\"osteon/v1/devices/wrist-7f3a/load\","
            + "\"receipts\":\"osteon/v1/devices/wrist-7f3a/receipts\","
            + "\"progress\":\"osteon/v1/devices/wrist-7f3a/progress\"}}],\"days\":[{\"date\":\"2026-03-02\","
            + "\"wearHours\":14.5,\"steps\":8123}],\"weeklyAdherence\":[{\"weekStart\":\"2026-03-02\","
            + "\"weekEnd\":\"2026-03-08\",\"components\":[],\"overall\":0.933,\"overallStatus\":\"partial\","
            + "\"capExceededDays\":[]}],\"programVersions\":[{\"patientId\":\"5f0c…\",\"version\":1,"
            + "\"effectiveFrom\":\"2026-03-02\",\"templateId\":\"who-2020\",\"components\":[],"
            + "\"author\":{\"role\":\"physio\",\"subject\":\"physio-7\"},\"reason\":\"osteopenia\","
            + "\"createdAt\":\"2026-03-01T09:10:00Z\"}],\"alerts\":[]}";

    /** What the zip of format=csv holds. */
    static final String ZIP = "a zip: README.txt, profile.csv, devices.csv, days.csv, weekly_adherence.csv, "
            + "program_versions.csv, alerts.csv";

    /** A format the export does not know. */
    static final String FORMAT_400 = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"format: must be json or csv\",\"instance\":\"/api/v1/patients/me/export\","
            + "\"errors\":[{\"field\":\"format\",\"message\":\"must be json or csv\"}]}";

    /** The full export: every row held about the patient, by table. */
    static final String TABLES = "{\"patientId\":\"5f0c…\",\"exportedAt\":\"2026-11-27T10:00:00Z\","
            + "\"tables\":{\"patient\":[{\"id\":\"5f0c…\",\"display_name\":\"OST-0042\"}],"
            + "\"device\":[{\"id\":\"wrist-7f3a\"}],\"accel_batch\":[]}}";
}
