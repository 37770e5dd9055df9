package org.osteon.interop;

/** Examples for the OpenAPI document: the FHIR export. */
final class FhirExamples {
    private FhirExamples() {}

    static final String BUNDLE = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"timestamp\":"
            + "\"2026-12-04T09:15:02.118+00:00\",\"entry\":[{\"fullUrl\":\"urn:uuid:0b4b0c4e-…\",\"resource\":"
            + "{\"resourceType\":\"Observation\",\"id\":\"0b4b0c4e-…\",\"status\":\"final\",\"category\":["
            + "{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\","
            + "\"code\":\"activity\",\"display\":\"Activity\"}]},{\"coding\":[{\"system\":"
            + "\"http://hl7.org/fhir/us/physical-activity/CodeSystem/pa-temporary-codes\",\"code\":"
            + "\"PhysicalActivity\",\"display\":\"Physical Activity\"}]}],\"code\":{\"coding\":[{\"system\":"
            + "\"http://loinc.org\",\"code\":\"41950-7\",\"display\":\"Number of steps in 24 hour Measured\"}]},"
            + "\"subject\":{\"reference\":\"Patient/5f0c2b8e-…\"},\"effectiveDateTime\":\"2026-12-03\","
            + "\"performer\":[{\"reference\":\"Patient/5f0c2b8e-…\"}],\"valueQuantity\":{\"value\":8123,"
            + "\"unit\":\"/d\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"/d\"},\"device\":"
            + "{\"reference\":\"urn:uuid:7d1e…\"},\"component\":[{\"code\":{\"coding\":[{\"system\":"
            + "\"http://hl7.org/fhir/us/physical-activity/CodeSystem/pa-temporary-codes\",\"code\":"
            + "\"DeviceActivePercentage\",\"display\":\"Device Active Percentage\"}]},\"valueQuantity\":"
            + "{\"value\":58.3,\"unit\":\"%\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"%\"}}]}},"
            + "{\"fullUrl\":\"urn:uuid:7d1e…\",\"resource\":{\"resourceType\":\"Device\",\"id\":\"7d1e…\","
            + "\"identifier\":[{\"system\":\"https://osteon.org/fhir/sid/device-id\",\"value\":\"hip-01\"}],"
            + "\"status\":\"active\",\"deviceName\":[{\"name\":\"AX6\",\"type\":\"model-name\"}]}}]}";

    static final String FROM_400 = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"from: must be a date such as 2026-03-02, was '24.10.2026'\","
            + "\"instance\":\"/api/v1/patients/5f0c2b8e-…/fhir\",\"errors\":[{\"field\":\"from\",\"message\":"
            + "\"must be a date such as 2026-03-02, was '24.10.2026'\"}]}";

    static final String CODE_SYSTEM = "{\"resourceType\":\"CodeSystem\",\"id\":\"osteon-metrics\",\"url\":"
            + "\"https://osteon.org/fhir/CodeSystem/osteon-metrics\",\"version\":\"1.1.0\",\"name\":\"OsteonMetrics\","
            + "\"status\":\"active\",\"caseSensitive\":true,\"content\":\"complete\",\"concept\":[{\"code\":"
            + "\"impact-peaks\",\"display\":\"Impact peaks at or above a threshold per day\",\"definition\":"
            + "\"Impact peaks of the day at or above the threshold the Observation's impact-threshold component "
            + "gives, in g (docs/metrics.md §4, Impact peaks and Impact bands).\"}]}";

    static final String SEARCHSET = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"timestamp\":"
            + "\"2026-12-04T09:15:02.118+00:00\",\"total\":1,\"link\":[{\"relation\":\"self\",\"url\":"
            + "\"https://osteon.example/fhir/Observation?patient=Patient/5f0c2b8e-…&code=http://loinc.org%7C82290-8\"}],"
            + "\"entry\":[{\"fullUrl\":\"urn:uuid:9a1c…\",\"resource\":{\"resourceType\":\"Observation\","
            + "\"id\":\"9a1c…\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\","
            + "\"code\":\"82290-8\",\"display\":\"Frequency of moderate to vigorous aerobic physical activity\"}]},"
            + "\"subject\":{\"reference\":\"Patient/5f0c2b8e-…\"},\"effectivePeriod\":{\"start\":\"2026-11-23\","
            + "\"end\":\"2026-11-29\"},\"valueQuantity\":{\"value\":214.0,\"unit\":\"min/wk\",\"system\":"
            + "\"http://unitsofmeasure.org\",\"code\":\"min/wk\"},\"component\":[{\"code\":{\"coding\":"
            + "[{\"system\":\"https://osteon.org/fhir/CodeSystem/osteon-metrics\",\"code\":\"valid-days\"}]},"
            + "\"valueQuantity\":{\"value\":6,\"unit\":\"d\",\"system\":\"http://unitsofmeasure.org\","
            + "\"code\":\"d\"}}]},\"search\":{\"mode\":\"match\"}}]}";

    static final String OUTCOME_400 = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":"
            + "\"error\",\"code\":\"invalid\",\"diagnostics\":\"date: prefix must be one of eq, ge, le, gt, lt "
            + "(or none), was 'sa2026-11-01'\",\"expression\":[\"date\"]}]}";
}
