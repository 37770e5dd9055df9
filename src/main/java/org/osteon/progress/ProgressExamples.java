package org.osteon.progress;

/**
 * Bodies of the progress API for the OpenAPI document.
 */
final class ProgressExamples {
    private ProgressExamples() {}

    /** One event of the stream: a day's numbers and its adherence, cut short (…). */
    static final String EVENTS = "id:1772446531000000\nevent:day\ndata:{\"patientId\":\"5f0c2b1e-…\","
            + "\"kind\":\"day\",\"date\":\"2026-03-02\",\"dataThrough\":\"2026-03-02T10:15:31Z\","
            + "\"day\":{\"date\":\"2026-03-02\",\"wearHours\":3.2,\"steps\":4210,…},"
            + "\"adherence\":{\"date\":\"2026-03-02\",\"programVersion\":1,\"components\":[{\"kind\":\"impacts\","
            + "\"target\":20.0,\"achieved\":12.0,\"status\":\"in_progress\",…}],…}}";
}
