package org.osteon.physio;

/**
 * Bodies of the physiotherapist API for the OpenAPI document; OpenApiDocumentTest
 * sends the registration as Swagger UI would.
 */
final class PhysiotherapistExamples {
    private PhysiotherapistExamples() {}

    /** A physiotherapist and the subject their tokens carry. */
    static final String PHYSIOTHERAPIST = "{\"id\":\"8a1e…\",\"subject\":\"physio-7\",\"displayName\":\"A. "
            + "Weber\",\"createdAt\":\"2026-03-01T09:00:00Z\"}";

    /** A registration. */
    static final String NEW_PHYSIOTHERAPIST = "{\"subject\":\"physio-7\",\"displayName\":\"A. Weber\"}";

    /** A page of physiotherapists. */
    static final String PAGE = "{\"items\":[" + PHYSIOTHERAPIST + "],\"page\":0,\"size\":50,\"total\":1}";
}
