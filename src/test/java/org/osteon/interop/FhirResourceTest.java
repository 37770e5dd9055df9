package org.osteon.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osteon.support.Tokens.as;
import static org.osteon.support.Tokens.asAdmin;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.DayRows;
import org.osteon.support.DayRows.Day;
import org.osteon.support.TestClock;
import org.osteon.support.Tokens;

/**
 * The FHIR export over the real database: a day's Bundle valid against base FHIR R4 with HAPI's
 * validator (Osteon's CodeSystem, fetched from its endpoint, among what the validator knows), each
 * rule of the Physical Activity IG's base profile checked on every activity Observation (the IG's
 * package is not among the test resources, so its profile cannot be given to the validator), the
 * codes and values per metric, the PHQ totals, a day with too little wear left out, stable ids,
 * and another physiotherapist's patient not found.
 */
@QuarkusTest
class FhirResourceTest {
    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final String VIENNA = "Europe/Vienna";

    @Inject
    Jdbc jdbc;

    /** One export for every test of the class: a patient, their device, two days and two questionnaires. */
    record Exported(
            String patient,
            String deviceId,
            LocalDate valid,
            LocalDate worn2Hours,
            Physio physio,
            String path,
            String body,
            String contentType,
            Bundle bundle) {
        List<Observation> activity() {
            return observations().stream()
                    .filter(o -> o.getCategory().stream()
                            .anyMatch(c -> c.hasCoding(FhirExport.OBSERVATION_CATEGORY, "activity")))
                    .toList();
        }

        List<Observation> observations() {
            return bundle.getEntry().stream()
                    .map(Bundle.BundleEntryComponent::getResource)
                    .filter(Observation.class::isInstance)
                    .map(Observation.class::cast)
                    .toList();
        }
    }

    private static Exported exported;

    private synchronized Exported exported() {
        if (exported != null) {
            return exported;
        }
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, VIENNA);
        ZoneId zone = ZoneId.of(VIENNA);
        LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(zone));
        LocalDate valid = today.minusDays(4);
        LocalDate worn2Hours = today.minusDays(3);
        String deviceId = "fhir-" + UUID.randomUUID().toString().substring(0, 10);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "deviceId",
                        deviceId,
                        "placement",
                        "hip",
                        "rangeG",
                        16,
                        "model",
                        "test-imu",
                        "recordingsFrom",
                        TestClock.CLOCK.instant().minus(Duration.ofDays(10)).toString()))
                .post("/api/v1/patients/" + patient + "/devices")
                .then()
                .statusCode(201);
        DayRows rows = new DayRows(jdbc, patient);
        rows.insert(new Day(valid.toString(), 14, 8123, 42.0, 40.0, Map.of("4.2", 12, "2.1", 80)));
        // Of the 42 MVPA minutes, 12.5 vigorous: moderate and vigorous come apart.
        jdbc.update(
                "update day_summary set vigorous_minutes = 12.5 where patient_id = ?::uuid and local_date = ?",
                patient,
                valid);
        // Two hours of wear say little about a day: no Observation.
        rows.insert(new Day(worn2Hours.toString(), 2, 300, 0.0, 40.0, Map.of("4.2", 1)));
        Instant evening = valid.atTime(18, 0).atZone(zone).toInstant();
        submit(patient, "phq-9", List.of(1, 1, 1, 1, 1, 1, 1, 0, 0), evening);
        submit(patient, "phq-2", List.of(1, 2), evening.plusSeconds(60));

        String path = "/api/v1/patients/" + patient + "/fhir?from=" + valid + "&to=" + worn2Hours;
        var response = as(physio.token())
                .accept(FhirResource.FHIR_JSON)
                .get(path)
                .then()
                .statusCode(200)
                .extract();
        String body = response.asString();
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, body);
        exported =
                new Exported(patient, deviceId, valid, worn2Hours, physio, path, body, response.contentType(), bundle);
        return exported;
    }

    private static void submit(String patient, String questionnaire, List<Integer> answers, Instant at) {
        as(Tokens.patient(patient))
                .contentType("application/json")
                .body(Map.of("questionnaire", questionnaire, "answers", answers, "answeredAt", at.toString()))
                .put("/api/v1/patients/" + patient + "/questionnaire-responses/" + UUID.randomUUID())
                .then()
                .statusCode(201);
    }

    private static FhirValidator validator;

    /** One validator for the class: its first use loads the R4 definitions, the slowest step of these tests. */
    private static synchronized FhirValidator validator() {
        if (validator == null) {
            validator = validator(servedCodeSystem());
        }
        return validator;
    }

    /** HAPI's validator on base R4, with UCUM and the common code systems, and Osteon's CodeSystem as served. */
    private static FhirValidator validator(CodeSystem osteon) {
        PrePopulatedValidationSupport own = new PrePopulatedValidationSupport(FHIR);
        own.addCodeSystem(osteon);
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR),
                own);
        return FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }

    private static CodeSystem servedCodeSystem() {
        String json = io.restassured.RestAssured.given()
                .get("/fhir/CodeSystem/" + FhirExport.OSTEON_SYSTEM_ID)
                .then()
                .statusCode(200)
                .contentType(FhirResource.FHIR_JSON)
                .extract()
                .asString();
        return FHIR.newJsonParser().parseResource(CodeSystem.class, json);
    }

    private static List<SingleValidationMessage> problems(FhirValidator v, Resource r, ResultSeverityEnum atLeast) {
        return v.validateWithResult(r).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= atLeast.ordinal())
                .toList();
    }

    @Test
    void theBundleValidatesAgainstBaseR4AndTheValidatorRefusesABrokenObservation() {
        Exported e = exported();
        assertThat(e.contentType()).startsWith(FhirResource.FHIR_JSON);
        assertThat(e.bundle().getType()).isEqualTo(Bundle.BundleType.COLLECTION);

        long start = System.nanoTime();
        FhirValidator validator = validator();
        List<SingleValidationMessage> all =
                validator.validateWithResult(e.body()).getMessages();
        long millis = (System.nanoTime() - start) / 1_000_000;
        // The validator's setup and first run, for the documentation of how long the check takes.
        System.out.println("FHIR validator setup and first validation: " + millis + " ms");
        all.stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING)
                .forEach(m ->
                        System.out.println("FHIR validator warning: " + m.getLocationString() + " " + m.getMessage()));
        assertThat(all.stream()
                        .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                        .map(m -> m.getLocationString() + " " + m.getMessage()))
                .isEmpty();

        // The validator does refuse: an Observation without its status, a code Osteon does not define.
        Observation steps = e.activity().get(0).copy();
        steps.setStatus(null);
        assertThat(problems(validator, steps, ResultSeverityEnum.ERROR)).isNotEmpty();
        Observation unknown = e.activity().get(0).copy();
        unknown.getCode()
                .getCodingFirstRep()
                .setSystem(FhirExport.OSTEON_SYSTEM)
                .setCode("bone-mood");
        assertThat(problems(validator, unknown, ResultSeverityEnum.ERROR)).isNotEmpty();
    }

    @Test
    void eachMetricHasItsCodeAndUcumUnitAndTheDaysValues() {
        Exported e = exported();
        Map<String, Observation> byCode = e.activity().stream()
                .filter(o -> !o.getCode().getCodingFirstRep().getCode().equals("impact-peaks"))
                .collect(Collectors.toMap(o -> o.getCode().getCodingFirstRep().getCode(), o -> o));
        assertThat(byCode.keySet())
                .containsExactlyInAnyOrder(
                        "41950-7", "68516-4", "77592-4", "77593-2", "osteogenic-index", "daily-stress-stimulus");
        assertQuantity(byCode.get("41950-7"), FhirExport.LOINC, "8123", "/d");

        assertQuantity(byCode.get("68516-4"), FhirExport.LOINC, "42.0", "min/d");
        assertQuantity(byCode.get("77592-4"), FhirExport.LOINC, "29.5", "min");
        assertQuantity(byCode.get("77593-2"), FhirExport.LOINC, "12.5", "min");
        assertQuantity(byCode.get("osteogenic-index"), FhirExport.OSTEON_SYSTEM, "40.2", "1");
        assertQuantity(byCode.get("daily-stress-stimulus"), FhirExport.OSTEON_SYSTEM, "11.8", "1");

        // Impact peaks: one Observation per threshold the day was counted at, the threshold a component in g.
        List<Observation> impacts = e.activity().stream()
                .filter(o -> o.getCode().hasCoding(FhirExport.OSTEON_SYSTEM, "impact-peaks"))
                .toList();
        assertThat(impacts).hasSize(2);
        assertQuantity(impacts.get(0), FhirExport.OSTEON_SYSTEM, "80", "/d");
        assertQuantity(impacts.get(1), FhirExport.OSTEON_SYSTEM, "12", "/d");
        Quantity threshold = (Quantity) component(impacts.get(1), FhirExport.OSTEON_SYSTEM, FhirExport.IMPACT_THRESHOLD)
                .getValue();
        assertThat(threshold.getValue()).isEqualByComparingTo("4.2");
        assertThat(threshold.getSystem()).isEqualTo(FhirExport.UCUM);
        assertThat(threshold.getCode()).isEqualTo("[g]");

        // Every Osteon code used is in the CodeSystem as served.
        List<String> defined = servedCodeSystem().getConcept().stream()
                .map(CodeSystem.ConceptDefinitionComponent::getCode)
                .toList();
        assertThat(defined).contains("impact-peaks", "impact-threshold", "osteogenic-index", "daily-stress-stimulus");
        assertThat(servedCodeSystem().getUrl()).isEqualTo(FhirExport.OSTEON_SYSTEM);
    }

    private static void assertQuantity(Observation o, String system, String value, String ucum) {
        assertThat(o.getCode().getCodingFirstRep().getSystem()).isEqualTo(system);
        Quantity q = o.getValueQuantity();
        assertThat(q.getValue()).isEqualByComparingTo(value);
        assertThat(q.getCode()).isEqualTo(ucum);
    }

    @Test
    void aDayWithTooLittleWearHasNoObservationAndEachValidDayOneSetOfThem() {
        Exported e = exported();
        assertThat(e.activity()).hasSize(8);
        assertThat(e.activity())
                .allSatisfy(o -> assertThat(o.getEffectiveDateTimeType().getValueAsString())
                        .isEqualTo(e.valid().toString()));
        assertThat(e.body()).doesNotContain("\"" + e.worn2Hours() + "\"");
    }

    @Test
    void igRuleStatusIsFinal() {
        assertThat(exported().activity())
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL));
    }

    @Test
    void igRuleBothCategories() {
        assertThat(exported().activity()).isNotEmpty().allSatisfy(o -> {
            assertThat(o.getCategory().stream().anyMatch(c -> c.hasCoding(FhirExport.OBSERVATION_CATEGORY, "activity")))
                    .isTrue();
            assertThat(o.getCategory().stream()
                            .anyMatch(c -> c.hasCoding(FhirExport.PA_TEMPORARY_CODES, "PhysicalActivity")))
                    .isTrue();
        });
    }

    @Test
    void igRuleSubjectAndPerformerAreThePatient() {
        Exported e = exported();
        assertThat(e.observations()).isNotEmpty().allSatisfy(o -> {
            assertThat(o.getSubject().getReference()).isEqualTo("Patient/" + e.patient());
            assertThat(o.getPerformer()).hasSize(1);
            assertThat(o.getPerformerFirstRep().getReference()).isEqualTo("Patient/" + e.patient());
        });
    }

    @Test
    void igRuleEffectiveIsTheLocalDay() {
        Exported e = exported();
        assertThat(e.activity()).isNotEmpty().allSatisfy(o -> {
            assertThat(o.hasEffectiveDateTimeType()).isTrue();
            assertThat(o.getEffectiveDateTimeType().getPrecision()).isEqualTo(TemporalPrecisionEnum.DAY);
            assertThat(o.getEffectiveDateTimeType().getValueAsString())
                    .isEqualTo(e.valid().toString());
        });
    }

    @Test
    void igRuleValueQuantityInUcum() {
        assertThat(exported().observations()).isNotEmpty().allSatisfy(o -> {
            assertThat(o.hasValueQuantity()).isTrue();
            assertThat(o.getValueQuantity().getSystem()).isEqualTo(FhirExport.UCUM);
            assertThat(o.getValueQuantity().getCode()).isNotBlank();
            assertThat(o.getValueQuantity().hasValue()).isTrue();
        });
    }

    @Test
    void igRuleDeviceReferenceNamesTheRegisteredDevice() {
        Exported e = exported();
        List<Device> devices = e.bundle().getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Device.class::isInstance)
                .map(Device.class::cast)
                .toList();
        assertThat(devices).hasSize(1);
        Device d = devices.get(0);
        assertThat(d.getIdentifierFirstRep().getSystem()).isEqualTo(FhirExport.DEVICE_ID_SYSTEM);
        assertThat(d.getIdentifierFirstRep().getValue()).isEqualTo(e.deviceId());
        assertThat(d.getDeviceNameFirstRep().getName()).isEqualTo("test-imu");
        String fullUrl = e.bundle().getEntry().stream()
                .filter(x -> x.getResource() == d)
                .findFirst()
                .orElseThrow()
                .getFullUrl();
        assertThat(e.activity())
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.getDevice().getReference()).isEqualTo(fullUrl));
    }

    @Test
    void igRuleWearIsTheDeviceActivePercentageComponent() {
        Exported e = exported();
        ZoneId zone = ZoneId.of(VIENNA);
        double dayHours = Duration.between(
                                e.valid().atStartOfDay(zone),
                                e.valid().plusDays(1).atStartOfDay(zone))
                        .toMinutes()
                / 60.0;
        BigDecimal expected = BigDecimal.valueOf(14 * 100.0 / dayHours).setScale(1, RoundingMode.HALF_UP);
        assertThat(e.activity()).isNotEmpty().allSatisfy(o -> {
            Quantity q = (Quantity) component(o, FhirExport.PA_TEMPORARY_CODES, "DeviceActivePercentage")
                    .getValue();
            assertThat(q.getValue()).isEqualByComparingTo(expected);
            assertThat(q.getSystem()).isEqualTo(FhirExport.UCUM);
            assertThat(q.getCode()).isEqualTo("%");
        });
    }

    private static ObservationComponentComponent component(Observation o, String system, String code) {
        return o.getComponent().stream()
                .filter(c -> c.getCode().hasCoding(system, code))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no component " + code + " in " + o.getId()));
    }

    @Test
    void phqTotalsAreSurveyObservationsWithTheirLoincCodes() {
        Exported e = exported();
        Map<String, Observation> surveys = e.observations().stream()
                .filter(o ->
                        o.getCategory().stream().anyMatch(c -> c.hasCoding(FhirExport.OBSERVATION_CATEGORY, "survey")))
                .collect(Collectors.toMap(o -> o.getCode().getCodingFirstRep().getCode(), o -> o));
        assertThat(surveys.keySet()).containsExactlyInAnyOrder("44261-6", "55758-7");
        Coding phq9 = surveys.get("44261-6").getCode().getCodingFirstRep();
        assertThat(phq9.getSystem()).isEqualTo(FhirExport.LOINC);
        assertThat(surveys.get("44261-6").getValueQuantity().getValue()).isEqualByComparingTo("7");
        assertThat(surveys.get("55758-7").getValueQuantity().getValue()).isEqualByComparingTo("3");
        Instant evening = e.valid().atTime(18, 0).atZone(ZoneId.of(VIENNA)).toInstant();
        assertThat(surveys.get("44261-6").getEffectiveDateTimeType().getValue().toInstant())
                .isEqualTo(evening);
    }

    @Test
    void idsAreStableAndAccessAndDatesAreChecked() throws Exception {
        Exported e = exported();
        // As sent: each entry's resource carries the id its fullUrl names.
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode entries =
                json.readTree(e.body()).path("entry");
        assertThat(entries).hasSize(e.bundle().getEntry().size());
        for (com.fasterxml.jackson.databind.JsonNode entry : entries) {
            assertThat(entry.path("fullUrl").asText())
                    .isEqualTo("urn:uuid:" + entry.path("resource").path("id").asText());
            if (entry.path("resource")
                    .path("code")
                    .path("coding")
                    .path(0)
                    .path("code")
                    .asText()
                    .equals("41950-7")) {
                // The steps Observation as sent, for the sample in docs/interop.md.
                System.out.println("FHIR steps Observation: "
                        + json.writerWithDefaultPrettyPrinter().writeValueAsString(entry.path("resource")));
            }
        }
        String again = as(Tokens.patient(e.patient()))
                .accept("application/json")
                .get(e.path())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Bundle b = FHIR.newJsonParser().parseResource(Bundle.class, again);
        assertThat(b.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl))
                .containsExactlyElementsOf(e.bundle().getEntry().stream()
                        .map(Bundle.BundleEntryComponent::getFullUrl)
                        .toList())
                .doesNotHaveDuplicates();
        as(e.physio().token())
                .get("/api/v1/patients/" + e.patient() + "/fhir?from=24.10.2026")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("from"));
        as(Clinic.newPhysio().token()).get(e.path()).then().statusCode(404);
    }

    /** A patient with one complete, ended week of valid days (resistance on two), a device and a PHQ-9 on its Wednesday. */
    record Searched(String patient, Physio physio, LocalDate monday, String deviceId) {
        String url(String query) {
            return "/fhir/Observation?patient=Patient/" + patient + (query.isEmpty() ? "" : "&" + query);
        }

        Bundle search(String query) {
            String body = as(physio.token())
                    .accept(FhirResource.FHIR_JSON)
                    .urlEncodingEnabled(false)
                    .get(url(query).replace("|", "%7C"))
                    .then()
                    .statusCode(200)
                    .contentType(FhirResource.FHIR_JSON)
                    .extract()
                    .asString();
            return FHIR.newJsonParser().parseResource(Bundle.class, body);
        }
    }

    private static Searched searched;

    private synchronized Searched searched() {
        if (searched != null) {
            return searched;
        }
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, VIENNA);
        ZoneId zone = ZoneId.of(VIENNA);
        LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(zone));
        // The week of seven days ago has ended, whatever day today is.
        LocalDate weekAgo = today.minusDays(7);
        LocalDate monday = weekAgo.minusDays(weekAgo.getDayOfWeek().getValue() - 1L);
        String deviceId = "fhirs-" + UUID.randomUUID().toString().substring(0, 10);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "deviceId",
                        deviceId,
                        "placement",
                        "hip",
                        "rangeG",
                        16,
                        "model",
                        "test-imu",
                        "recordingsFrom",
                        monday.minusDays(3).atStartOfDay(zone).toInstant().toString()))
                .post("/api/v1/patients/" + patient + "/devices")
                .then()
                .statusCode(201);
        DayRows rows = new DayRows(jdbc, patient);
        for (int i = 0; i < 7; i++) {
            rows.insert(new Day(monday.plusDays(i).toString(), 14, 8000 + i, 42.0, 40.0, Map.of("4.2", 12)));
        }
        jdbc.update(
                "update day_summary set resistance_sessions = 1 where patient_id = ? and local_date in (?, ?)",
                UUID.fromString(patient),
                monday,
                monday.plusDays(3));
        submit(
                patient,
                "phq-9",
                List.of(1, 1, 1, 1, 1, 1, 1, 0, 0),
                monday.plusDays(2).atTime(18, 0).atZone(zone).toInstant());
        searched = new Searched(patient, physio, monday, deviceId);
        return searched;
    }

    private static List<Observation> matches(Bundle b) {
        return b.getEntry().stream()
                .filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.MATCH)
                .map(e -> (Observation) e.getResource())
                .toList();
    }

    private static List<String> codes(Bundle b) {
        return matches(b).stream()
                .map(o -> o.getCode().getCodingFirstRep().getCode())
                .toList();
    }

    @Test
    void searchByCodeAndDateRangeGivesTheWeeksMvpaAsAValidSearchset() {
        Searched s = searched();
        String query = "code=http://loinc.org|82290-8&date=ge" + s.monday() + "&date=le"
                + s.monday().plusDays(6);
        String body = as(s.physio().token())
                .accept(FhirResource.FHIR_JSON)
                .urlEncodingEnabled(false)
                .get(s.url(query).replace("|", "%7C"))
                .then()
                .statusCode(200)
                .contentType(FhirResource.FHIR_JSON)
                .extract()
                .asString();
        Bundle b = FHIR.newJsonParser().parseResource(Bundle.class, body);
        assertThat(b.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(b.getTotal()).isEqualTo(1);
        assertThat(b.getLink("self").getUrl()).contains("/fhir/Observation?patient=Patient/" + s.patient());
        Observation week = matches(b).get(0);
        assertThat(week.getValueQuantity().getValue()).isEqualByComparingTo("294");
        assertThat(week.getValueQuantity().getCode()).isEqualTo("min/wk");
        assertThat(week.getEffectivePeriod().getStartElement().getValueAsString())
                .isEqualTo(s.monday().toString());
        assertThat(week.getEffectivePeriod().getEndElement().getValueAsString())
                .isEqualTo(s.monday().plusDays(6).toString());
        // The device the match names is included, so that its reference resolves in the Bundle.
        assertThat(b.getEntry()).hasSize(2);
        assertThat(b.getEntry().get(1).getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.INCLUDE);
        assertThat(b.getEntry().get(1).getFullUrl()).isEqualTo(week.getDevice().getReference());

        List<SingleValidationMessage> errors = validator().validateWithResult(body).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .toList();
        assertThat(errors.stream().map(m -> m.getLocationString() + " " + m.getMessage()))
                .isEmpty();

        // Strength days: the two days with resistance sets, over seven valid days.
        Bundle strength = s.search("code=82291-6");
        assertThat(matches(strength)).singleElement().satisfies(o -> {
            assertThat(o.getValueQuantity().getValue()).isEqualByComparingTo("2");
            assertThat(o.getValueQuantity().getCode()).isEqualTo("d/wk");
        });
        // The whole search (the default days) validates too: daily, weekly and survey Observations.
        String all = as(Tokens.patient(s.patient()))
                .accept(FhirResource.FHIR_JSON)
                .get("/fhir/Observation?patient=" + s.patient())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(validator().validateWithResult(all).getMessages().stream()
                        .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                        .map(m -> m.getLocationString() + " " + m.getMessage()))
                .isEmpty();
        Bundle everything = FHIR.newJsonParser().parseResource(Bundle.class, all);
        // 7 days x 5 metrics (steps, MVPA, one impact threshold, OI, DSS), 2 weekly, 1 PHQ-9.
        assertThat(everything.getTotal()).isEqualTo(38);
    }

    @Test
    void searchFiltersByCategoryCodeListDayStatusAndId() {
        Searched s = searched();
        LocalDate wednesday = s.monday().plusDays(2);
        assertThat(codes(s.search("category=survey"))).containsExactly("44261-6");
        assertThat(codes(s.search("category=http://terminology.hl7.org/CodeSystem/observation-category|survey")))
                .containsExactly("44261-6");
        assertThat(codes(s.search("category=http://example.org|survey"))).isEmpty();
        // A comma is OR; the day's Observations and the PHQ-9 answered that evening, not the week.
        assertThat(codes(s.search("code=41950-7,http://loinc.org|44261-6&date=" + wednesday)))
                .containsExactly("41950-7", "44261-6");
        assertThat(codes(s.search("code=41950-7&date=gt" + wednesday + "&date=lt" + wednesday.plusDays(3))))
                .containsExactly("41950-7", "41950-7");
        assertThat(s.search("code=41950-7&date=eq" + s.monday().plusDays(6)).getTotal())
                .isEqualTo(1);
        // The week's period lies within its month only when searched by that day range.
        assertThat(s.search("code=82290-8&date=" + wednesday).getTotal()).isZero();
        assertThat(s.search("code=82290-8&date=le" + wednesday).getTotal()).isEqualTo(1);
        assertThat(s.search("status=final&category=survey").getTotal()).isEqualTo(1);
        assertThat(s.search("status=preliminary,amended").getTotal()).isZero();
        String phqId =
                s.search("category=survey").getEntryFirstRep().getFullUrl().substring("urn:uuid:".length());
        Bundle byId = s.search("_id=" + phqId);
        assertThat(byId.getTotal()).isEqualTo(1);
        assertThat(matches(byId).get(0).getCode().getCodingFirstRep().getCode()).isEqualTo("44261-6");
    }

    private static void outcome(String token, String query, int status, String parameter) {
        String body = as(token)
                .accept(FhirResource.FHIR_JSON)
                .urlEncodingEnabled(false)
                .get("/fhir/Observation" + query)
                .then()
                .statusCode(status)
                .contentType(FhirResource.FHIR_JSON)
                .extract()
                .asString();
        org.hl7.fhir.r4.model.OperationOutcome o =
                FHIR.newJsonParser().parseResource(org.hl7.fhir.r4.model.OperationOutcome.class, body);
        assertThat(o.getIssueFirstRep().getSeverity())
                .isEqualTo(org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity.ERROR);
        assertThat(o.getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo(parameter);
        assertThat(o.getIssueFirstRep().getDiagnostics()).startsWith(parameter + ":");
    }

    @Test
    void badSearchesAreOperationOutcomesNamingTheParameterAndAccessIsTheExports() {
        Searched s = searched();
        String t = s.physio().token();
        String p = "?patient=" + s.patient();
        outcome(t, p + "&foo=1", 400, "foo");
        outcome(t, p + "&code:text=steps", 400, "code:text");
        outcome(t, "?code=41950-7", 400, "patient");
        outcome(t, "?patient=Practitioner/" + s.patient(), 400, "patient");
        outcome(t, p + "&patient=" + s.patient(), 400, "patient");
        outcome(t, p + "&date=sa2026-11-01", 400, "date");
        outcome(t, p + "&date=2026-13-01", 400, "date");
        outcome(t, p + "&date=24.10.2026", 400, "date");
        outcome(t, p + "&date=ge2020-01-01", 400, "date");
        outcome(t, p + "&status=done", 400, "status");
        outcome(t, p + "&code=", 400, "code");
        // Control characters are refused before any resource, by the project's one check, in its problem shape.
        as(t).urlEncodingEnabled(false)
                .get("/fhir/Observation" + p + "&category=a%00b")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("category"));
        // Another physiotherapist's patient is not found, as in the export.
        outcome(Clinic.newPhysio().token(), p, 404, "patient");
        as(Tokens.admin()).get("/fhir/Observation" + p).then().statusCode(403);
        io.restassured.RestAssured.given().get("/fhir/Observation" + p).then().statusCode(401);
        // The patient themself, by bare id; the physiotherapist's read is audited as fhir.
        long audits = jdbc.count(
                "select count(*) from audit_event where action = 'patient.read' and patient_id = ? "
                        + "and detail->>'resource' = 'fhir'",
                UUID.fromString(s.patient()));
        as(Tokens.patient(s.patient())).get("/fhir/Observation" + p).then().statusCode(200);
        s.search("");
        assertThat(jdbc.count(
                        "select count(*) from audit_event where action = 'patient.read' and patient_id = ? "
                                + "and detail->>'resource' = 'fhir'",
                        UUID.fromString(s.patient())))
                .isEqualTo(audits + 1);
    }
}
