package org.osteon.program;

/**
 * Bodies of the program and template API for the OpenAPI document. The request bodies are ones
 * that are accepted as they are, so that Swagger UI offers a body that works: OpenApiDocumentTest
 * sends each one.
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
            + "{\"kind\":\"sedentary\",\"maxLongestBoutMinutes\":90},"
            + "{\"kind\":\"checkin\",\"questionnaire\":\"phq-9\",\"everyWeeks\":2}]}";

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

    /** A program version: its components, author and reason. */
    static final String VERSION = "{\"patientId\":\"5f0c…\",\"version\":2,\"effectiveFrom\":\"2026-03-02\","
            + "\"templateId\":\"progressive-impact-osteoporosis\",\"components\":[{\"kind\":\"impacts\","
            + "\"minG\":4.2,\"count\":20,\"per\":\"day\",\"cap\":{\"aboveG\":6.0,\"maxPerDay\":60},"
            + "\"progression\":{\"step\":5.0,\"everyWeeks\":2,\"ceiling\":50.0}}],\"author\":{\"role\":\"physio\","
            + "\"subject\":\"physio-7\"},\"reason\":\"tolerating the first block well\","
            + "\"createdAt\":\"2026-03-01T09:12:00Z\"}";

    /** The program in force today and today's targets after progression. */
    static final String CURRENT = "{\"date\":\"2026-03-16\",\"inForce\":" + VERSION
            + ",\"targetsOnDate\":[{\"kind\":\"impacts\",\"minG\":4.2,\"count\":30,\"per\":\"day\"}],"
            + "\"upcoming\":null}";

    /** A page of versions. */
    static final String VERSIONS = "{\"items\":[" + VERSION + "],\"page\":0,\"size\":20,\"total\":2}";

    /** The templates, cut to one. */
    static final String TEMPLATES = "[{\"id\":\"who-2020\",\"name\":\"WHO 2020 adult activity\","
            + "\"description\":\"…\",\"source\":\"Bull et al., Br J Sports Med 2020\","
            + "\"components\":[{\"kind\":\"mvpa\",\"minutesPerWeek\":150,\"boutMinutes\":1}]}]";
}
