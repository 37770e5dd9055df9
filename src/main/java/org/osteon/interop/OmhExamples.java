package org.osteon.interop;

/** Examples for the OpenAPI document: Open mHealth data points. */
final class OmhExamples {
    private OmhExamples() {}

    static final String DATA_POINTS = "[{\"header\":{\"id\":\"3e1f0b6a-2c5d-3b8e-9f41-7a2d6c0e5b19\","
            + "\"creation_date_time\":\"2026-12-04T09:15:02.118Z\",\"schema_id\":{\"namespace\":\"omh\","
            + "\"name\":\"minutes-moderate-activity\",\"version\":\"1.0\"},\"acquisition_provenance\":"
            + "{\"source_name\":\"Osteon\",\"modality\":\"sensed\"},\"user_id\":\"5f0c2b8e-…\"},"
            + "\"body\":{\"minutes_moderate_activity\":{\"value\":42.0,\"unit\":\"min\"},\"effective_time_frame\":"
            + "{\"time_interval\":{\"start_date_time\":\"2026-12-03T00:00:00+01:00\",\"end_date_time\":"
            + "\"2026-12-04T00:00:00+01:00\"}}}},"
            + "{\"header\":{\"id\":\"9b7c4d2e-0a1f-3c6b-8e5d-2f4a6b8c0d1e\",\"creation_date_time\":"
            + "\"2026-12-04T09:15:02.118Z\",\"schema_id\":{\"namespace\":\"omh\",\"name\":\"step-count\","
            + "\"version\":\"3.0\"},\"acquisition_provenance\":{\"source_name\":\"Osteon\",\"modality\":\"sensed\"},"
            + "\"user_id\":\"5f0c2b8e-…\"},\"body\":{\"step_count\":{\"value\":8123,\"unit\":\"steps\"},"
            + "\"effective_time_frame\":{\"time_interval\":{\"start_date_time\":\"2026-12-03T00:00:00+01:00\","
            + "\"end_date_time\":\"2026-12-04T00:00:00+01:00\"}}}},"
            + "{\"header\":{\"id\":\"c2a8e6f0-4b1d-3e7a-9c5f-0d2b4e6a8c1f\",\"creation_date_time\":"
            + "\"2026-12-04T09:15:02.118Z\",\"schema_id\":{\"namespace\":\"ieee\",\"name\":\"physical-activity\","
            + "\"version\":\"1.0\"},\"acquisition_provenance\":{\"source_name\":\"Osteon\",\"modality\":\"sensed\"},"
            + "\"user_id\":\"5f0c2b8e-…\"},\"body\":{\"activity_name\":\"daily activity\",\"base_movement_quantity\":"
            + "{\"value\":8123,\"unit\":\"steps\"},\"effective_time_frame\":{\"time_interval\":{\"start_date_time\":"
            + "\"2026-12-03T00:00:00+01:00\",\"end_date_time\":\"2026-12-04T00:00:00+01:00\"}}}}]";

    static final String SCHEMA_400 = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"schema: must be one or more of omh:minutes-moderate-activity:1.0, omh:step-count:3.0, "
            + "ieee:physical-activity:1.0 (or their names), comma-separated; was 'heart-rate'\","
            + "\"instance\":\"/api/v1/patients/5f0c2b8e-…/omh\",\"errors\":[{\"field\":\"schema\",\"message\":"
            + "\"must be one or more of omh:minutes-moderate-activity:1.0, omh:step-count:3.0, "
            + "ieee:physical-activity:1.0 (or their names), comma-separated; was 'heart-rate'\"}]}";
}
