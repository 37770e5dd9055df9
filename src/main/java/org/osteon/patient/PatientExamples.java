package org.osteon.patient;

/**
 * Bodies of the patient API for the OpenAPI document; OpenApiDocumentTest sends the
 * registration as Swagger UI would.
 */
final class PatientExamples {
    private PatientExamples() {}

    /** A patient as the API shows one: a pseudonym, no name. */
    static final String PATIENT = "{\"id\":\"5f0c…\",\"displayName\":\"OST-0042\",\"timeZone\":\"Europe/Vienna\","
            + "\"bodyMassKg\":64.5,\"createdAt\":\"2026-03-01T09:00:00Z\"}";

    /** A registration. */
    static final String NEW_PATIENT =
            "{\"displayName\":\"OST-0042\",\"timeZone\":\"Europe/Vienna\"," + "\"bodyMassKg\":64.5}";
}
