package org.osteon.interop;

/** The cohort export's example for the OpenAPI document (a day's fields shortened). */
final class CohortExamples {
    static final String LINES = "{\"type\":\"cohort\",\"from\":\"2026-11-30\",\"to\":\"2026-12-01\",\"patients\":2,"
            + "\"pseudonymous\":true,\"generatedAt\":\"2026-12-02T08:00:00Z\"}\n"
            + "{\"type\":\"patient\",\"patient\":\"5b0c8d1f9e2a4c7d8e1f0a3b6c9d2e4f\",\"index\":1,\"of\":2}\n"
            + "{\"type\":\"day\",\"patient\":\"5b0c8d1f9e2a4c7d8e1f0a3b6c9d2e4f\",\"date\":\"2026-11-30\","
            + "\"wearHours\":14.0,\"mvpaMinutes\":31.5,\"steps\":8123}\n"
            + "{\"type\":\"end\",\"patientsWithDays\":1,\"days\":1}\n";

    private CohortExamples() {}
}
