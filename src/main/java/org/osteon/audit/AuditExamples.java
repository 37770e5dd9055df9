package org.osteon.audit;

/**
 * Bodies of the audit API for the OpenAPI document.
 */
final class AuditExamples {
    private AuditExamples() {}

    /** A page of the audit trail: a program change. */
    static final String PAGE = "{\"items\":[{\"id\":41,\"at\":\"2026-03-01T09:12:00Z\",\"actorRole\":\"physio\","
            + "\"actorSubject\":\"physio-7\",\"action\":\"program.changed\",\"patientId\":\"5f0c…\","
            + "\"reason\":\"tolerating the first block well\",\"detail\":{\"version\":2,"
            + "\"effectiveFrom\":\"2026-03-02\"}}],\"page\":0,\"size\":50,\"total\":1}";
}
