package org.osteon.mood;

/** Examples for the OpenAPI document: what the mood endpoints take and answer. */
final class MoodExamples {
    private MoodExamples() {}

    static final String SUBMISSION =
            "{\"questionnaire\":\"phq-9\",\"answers\":[1,2,1,3,0,1,2,1,0],\"answeredAt\":\"2026-12-03T18:20:00Z\"}";

    private static final String DEFINITION = "\"definition\":{\"title\":\"Patient Health Questionnaire-9 (PHQ-9)\","
            + "\"source\":\"Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity "
            + "measure. J Gen Intern Med 2001;16(9):606-613. …\",\"loincPanel\":\"44249-1\",\"loincTotal\":\"44261-6\"}";

    static final String RESPONSE =
            "{\"id\":\"0b6f…\",\"patientId\":\"5f0c…\",\"questionnaire\":\"phq-9\",\"version\":1,"
                    + "\"answers\":[1,2,1,3,0,1,2,1,0],\"answeredAt\":\"2026-12-03T18:20:00Z\","
                    + "\"receivedAt\":\"2026-12-03T18:20:04.512Z\",\"total\":11,\"band\":\"moderate\",\"positiveScreen\":false,"
                    + DEFINITION + "}";

    static final String SUBMITTED = "{\"response\":" + RESPONSE + ",\"offer\":null,\"safety\":null}";

    static final String SUBMITTED_SAFETY = "{\"response\":{\"id\":\"7d21…\",\"patientId\":\"5f0c…\","
            + "\"questionnaire\":\"phq-9\",\"version\":1,\"answers\":[0,1,0,0,0,0,0,0,1],"
            + "\"answeredAt\":\"2026-12-03T18:20:00Z\",\"receivedAt\":\"2026-12-03T18:20:04.512Z\",\"total\":2,"
            + "\"band\":\"minimal\",\"positiveScreen\":false," + DEFINITION + "},\"offer\":null,"
            + "\"safety\":{\"reason\":\"item 9 answered above 0\",\"text\":\"If you are thinking about hurting "
            + "yourself … Your physiotherapist has been told about your answer.\",\"phone\":null,\"url\":null}}";

    static final String HISTORY = "[" + RESPONSE + "]";

    static final String QUESTIONNAIRES = "[{\"id\":\"phq-2\",\"version\":1,\"title\":\"Patient Health "
            + "Questionnaire-2 (PHQ-2)\",\"source\":\"Kroenke K, Spitzer RL, Williams JBW. The Patient Health "
            + "Questionnaire-2 … Med Care 2003;41(11):1284-1292. …\",\"copyright\":\"… No permission required to "
            + "reproduce, translate, display or distribute.\",\"loinc\":{\"panel\":\"55757-9\",\"total\":\"55758-7\"},"
            + "\"stem\":\"Over the last 2 weeks, how often have you been bothered by any of the following problems?\","
            + "\"options\":[{\"value\":0,\"text\":\"Not at all\",\"loinc\":\"LA6568-5\"},{\"value\":1,\"text\":"
            + "\"Several days\",\"loinc\":\"LA6569-3\"},{\"value\":2,\"text\":\"More than half the days\",\"loinc\":"
            + "\"LA6570-1\"},{\"value\":3,\"text\":\"Nearly every day\",\"loinc\":\"LA6571-9\"}],\"items\":[{\"number\":1,"
            + "\"loinc\":\"44250-9\",\"text\":\"Little interest or pleasure in doing things\"},{\"number\":2,"
            + "\"loinc\":\"44255-8\",\"text\":\"Feeling down, depressed, or hopeless\"}],\"bands\":[],"
            + "\"positiveFrom\":3,\"followUp\":\"phq-9\",\"safetyItem\":null}]";

    static final String DUE_CHECKIN = "{\"date\":\"2026-12-04\",\"due\":[{\"questionnaire\":\"phq-9\",\"version\":1,"
            + "\"title\":\"Patient Health Questionnaire-9 (PHQ-9)\",\"reason\":\"checkin\","
            + "\"dueSince\":\"2026-11-30T23:00:00Z\",\"dueUntil\":\"2026-12-14T23:00:00Z\",\"after\":null}]}";

    static final String DUE_FOLLOW_UP = "{\"date\":\"2026-12-04\",\"due\":[{\"questionnaire\":\"phq-9\","
            + "\"version\":1,\"title\":\"Patient Health Questionnaire-9 (PHQ-9)\",\"reason\":\"follow_up\","
            + "\"dueSince\":\"2026-12-04T08:15:00Z\",\"dueUntil\":\"2026-12-18T08:15:00Z\","
            + "\"after\":\"3c9a…\"}]}";

    static final String DUE_NONE = "{\"date\":\"2026-12-04\",\"due\":[]}";
}
