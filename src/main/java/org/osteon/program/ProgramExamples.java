package org.osteon.program;

/**
 * Request bodies of the program API for the OpenAPI document, so that Swagger UI offers a body
 * that is accepted as it is. OpenApiDocumentTest sends each one.
 */
final class ProgramExamples {
    private ProgramExamples() {}

    /** Components written out: one of each kind, in clinical units. */
    static final String CHANGE_COMPONENTS = "{\"reason\":\"osteopenia; cleared for daily jumping, sits a lot\","
            + "\"components\":["
            + "{\"kind\":\"impacts\",\"minG\":4.2,\"count\":20,\"per\":\"day\",\"cap\":{\"aboveG\":6.0,\"maxPerDay\":60},"
            + "\"progression\":{\"step\":5.0,\"everyWeeks\":2,\"ceiling\":50.0}},"
            + "{\"kind\":\"mvpa\",\"minutesPerWeek\":150,\"boutMinutes\":10},"
            + "{\"kind\":\"steps\",\"stepsPerDay\":7000,\"daysPerWeek\":5},"
            + "{\"kind\":\"resistance\",\"sessionsPerWeek\":2,\"days\":[\"MONDAY\",\"THURSDAY\"],"
            + "\"exercises\":[{\"exercise\":\"deadlift\",\"sets\":5,\"reps\":5,\"minPercent1RM\":80.0}],"
            + "\"progression\":{\"step\":2.5,\"everyWeeks\":4,\"ceiling\":85.0}},"
            + "{\"kind\":\"sedentary\",\"maxLongestBoutMinutes\":90}]}";

    /** A template from GET /api/v1/program-templates, taken as it is. */
    static final String CHANGE_TEMPLATE = "{\"templateId\":\"liftmor\",\"reason\":\"osteopenia, cleared for HiRIT\"}";

    /** An edit: more jumps a day, the cap and progression kept, the step target dropped. */
    static final String EDIT = "{\"reason\":\"jumping well tolerated, 30 a day\","
            + "\"set\":[{\"kind\":\"impacts\",\"count\":30}],\"remove\":[\"steps\"]}";

    /** What an edit answers: the new version and each change. */
    static final String EDIT_RESULT = "{\"version\":{\"patientId\":\"5f0c…\",\"version\":3,"
            + "\"effectiveFrom\":\"2026-03-16\",\"templateId\":null,\"components\":[{\"kind\":\"impacts\",\"minG\":4.2,"
            + "\"count\":30,\"per\":\"day\",\"cap\":{\"aboveG\":6.0,\"maxPerDay\":60},\"progression\":{\"step\":5.0,"
            + "\"everyWeeks\":2,\"ceiling\":50.0}}],\"author\":{\"role\":\"physio\",\"subject\":\"physio-7\"},"
            + "\"reason\":\"jumping well tolerated, 30 a day\",\"createdAt\":\"2026-03-16T09:12:00Z\"},"
            + "\"changes\":[{\"kind\":\"impacts\",\"field\":\"count\",\"from\":20,\"to\":30},"
            + "{\"kind\":\"steps\",\"field\":null,\"from\":{\"kind\":\"steps\",\"stepsPerDay\":7000,\"daysPerWeek\":5},"
            + "\"to\":null}]}";
}
