package org.osteon.rtm;

/** Examples for the OpenAPI document: RTM evidence. */
final class RtmExamples {
    private RtmExamples() {}

    static final String NEW_EPISODE = "{\"start\":\"2026-03-02\"}";

    static final String EPISODE = "{\"id\":\"7d2e…\",\"start\":\"2026-03-02\",\"end\":null,\"createdBy\":\"physio-a\","
            + "\"createdAt\":\"2026-03-02T08:15:00Z\"}";

    static final String END = "{\"end\":\"2026-05-29\"}";

    static final String ENDED = "{\"id\":\"7d2e…\",\"start\":\"2026-03-02\",\"end\":\"2026-05-29\","
            + "\"createdBy\":\"physio-a\",\"createdAt\":\"2026-03-02T08:15:00Z\"}";

    static final String NEW_ENTRY = "{\"start\":\"2026-03-10T09:00:00+01:00\",\"end\":\"2026-03-10T09:25:00+01:00\","
            + "\"activity\":\"Reviewed impact data of week 2 and called the patient about the targets\","
            + "\"interactive\":true}";

    static final String ENTRY = "{\"id\":\"c41a…\",\"start\":\"2026-03-10T08:00:00Z\",\"end\":\"2026-03-10T08:25:00Z\","
            + "\"seconds\":1500,\"activity\":\"Reviewed impact data of week 2 and called the patient about the "
            + "targets\",\"interactive\":true,\"physiotherapistId\":\"0b9e…\",\"loggedAt\":\"2026-03-10T08:26:03Z\"}";

    static final String EVIDENCE = "{\"patientId\":\"5f0c…\",\"timeZone\":\"Europe/Vienna\",\"today\":\"2026-04-12\","
            + "\"from\":\"2026-03-01\",\"to\":\"2026-03-31\",\"episodes\":[{\"id\":\"7d2e…\",\"start\":\"2026-03-02\","
            + "\"end\":null,\"setUp\":{\"code\":\"98975\",\"eligible\":true,\"firstPeriodDaysWithData\":17},"
            + "\"periods\":[{\"number\":1,\"start\":\"2026-03-02\",\"end\":\"2026-03-31\",\"status\":\"complete\","
            + "\"daysWithData\":17,\"datesWithData\":[\"2026-03-02\",\"2026-03-03\",\"…\"],\"verdict\":"
            + "\"16_or_more_days\",\"code\":\"98977\"}]}],\"months\":[{\"month\":\"2026-03\",\"status\":\"complete\","
            + "\"minutes\":45,\"liveInteraction\":true,\"verdict\":\"billable\",\"codes\":[{\"code\":\"98980\","
            + "\"units\":1},{\"code\":\"98981\",\"units\":1}],\"entries\":[" + ENTRY + "]}],\"parameters\":"
            + "{\"source\":\"" + RtmRules.SOURCE + "\",\"periodDays\":30,\"minDeviceDays\":2,\"fullDeviceDays\":16,"
            + "\"minMinutes\":10,\"unitMinutes\":20,\"liveInteractionRequired\":true}}";

    static final String EVIDENCE_CSV = RtmCsv.HEADER
            + "\r\nset_up,2026-03-02,,2026-03-02,2026-03-31,,17,,,,98975,,,\r\n"
            + "period,2026-03-02,1,2026-03-02,2026-03-31,complete,17,2026-03-02 2026-03-03 …,,,98977,,,\r\n"
            + "month,,,2026-03-01,2026-03-31,complete,,,45,true,98980x1 98981x1,,,\r\n"
            + "time_entry,,,2026-03-10T08:00:00Z,2026-03-10T08:25:00Z,,,,25,true,,c41a…,0b9e…,"
            + "Reviewed impact data of week 2 and called the patient about the targets\r\n";
}
