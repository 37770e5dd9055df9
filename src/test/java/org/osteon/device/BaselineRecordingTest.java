package org.osteon.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.osteon.support.Tokens.as;
import static org.osteon.support.Tokens.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.scoring.Placement;
import org.osteon.scoring.io.AccelerometerReader;
import org.osteon.scoring.io.RecordingInfo;
import org.osteon.scoring.pipeline.EpochScorer;
import org.osteon.scoring.pipeline.ScoringParams;
import org.osteon.scoring.summary.DaySummarizer;
import org.osteon.scoring.summary.DaySummary;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.TestClock;
import org.osteon.support.Tokens;

/**
 * A baseline recording made before the patient had any device enters their record only through
 * the explicit import: read by the scoring CLI's readers, scored by the engine as a device's
 * data would be, once per file, and refused whole when the file or the request is wrong.
 */
@QuarkusTest
class BaselineRecordingTest {
    /** 3 minutes at 90 Hz from an ActiGraph worn at the waist in February 2019 (README.txt there). */
    static final Path GT3X = Path.of("src/test/resources/eval/agread/example.gt3x");

    static final String ZONE = "America/New_York";

    @Inject
    Jdbc jdbc;

    @Inject
    BaselineImports imports;

    record Recording(Instant start, RecordingInfo info) {}

    static Recording recording() throws IOException {
        try (AccelerometerReader r = AccelerometerReader.open(GT3X)) {
            RecordingInfo info = r.info();
            return new Recording(info.start().toInstant(info.offset()), info);
        }
    }

    static Response upload(String token, String patient, byte[] body, String format, Instant from, Instant to) {
        return as(token)
                .contentType("application/octet-stream")
                .queryParam("format", format)
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .queryParam("placement", "hip")
                .body(body)
                .post("/api/v1/patients/" + patient + "/recordings");
    }

    /** The day summaries `./osteon score` computes for the file (ScoreRun's pipeline), by date. */
    static List<DaySummary> pipelineDays() throws IOException {
        try (AccelerometerReader r = AccelerometerReader.open(GT3X)) {
            RecordingInfo info = r.info();
            ScoringParams params = ScoringParams.builder(info.sampleRateHz())
                    .placement(Placement.HIP)
                    .build();
            DaySummarizer days = new DaySummarizer(params, ZoneId.of(ZONE));
            EpochScorer scorer = new EpochScorer(
                    params, info.start().toInstant(info.offset()).toEpochMilli());
            float[] x = new float[1 << 14], y = new float[1 << 14], z = new float[1 << 14];
            for (int n = r.read(x, y, z, 0, x.length); n >= 0; n = r.read(x, y, z, 0, x.length)) {
                scorer.accept(x, y, z, 0, n, days);
            }
            scorer.finish(days);
            return days.finish();
        }
    }

    @Test
    void aGt3xRecordedBeforeThePatientExistedBecomesTheirScoredDaysOnce() throws Exception {
        Recording rec = recording();
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, ZONE);
        byte[] file = Files.readAllBytes(GT3X);
        Instant from = rec.start().minus(Duration.ofHours(1));
        Instant to = rec.start().plus(Duration.ofHours(2));

        Response accepted = upload(physio.token(), patient, file, "gt3x", from, to);
        accepted.then().statusCode(202).body("status", is("reading")).body("format", is("gt3x"));
        String id = accepted.path("id");
        assertThat(accepted.header("Location")).endsWith("/api/v1/patients/" + patient + "/recordings/" + id);

        String path = "/api/v1/patients/" + patient + "/recordings/" + id;
        JsonPath done = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> as(physio.token())
                                .get(path)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        j -> "done".equals(j.getString("status")));
        List<DaySummary> expected = pipelineDays();
        assertThat(done.getDouble("progress")).isEqualTo(1.0);
        assertThat(done.getLong("samples")).isEqualTo(3L * 60 * rec.info().sampleRateHz());
        assertThat(done.getLong("samplesOutsideWearPeriod")).isZero();
        assertThat(done.getList("days", String.class))
                .containsExactlyElementsOf(
                        expected.stream().map(d -> d.date().toString()).toList());

        // In their month's partition, not the default one, which would stop that month's from being made.
        assertThat(jdbc.one(
                                "select distinct tableoid::regclass::text from accel_batch where device_id = ?",
                                rs -> rs.getString(1),
                                "baseline/" + id)
                        .orElseThrow())
                .isEqualTo("accel_batch_p201902");

        // The days are the patient's, scored by the engine as `./osteon score` scores the file.
        String day = expected.get(0).date().toString();
        JsonPath days = as(physio.token())
                .queryParam("from", day)
                .queryParam("to", day)
                .get("/api/v1/patients/" + patient + "/days")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(days.getList("date", String.class)).containsExactly(day);
        assertThat(days.getInt("[0].steps")).isEqualTo(expected.get(0).steps());
        assertThat(days.getDouble("[0].enmoMg"))
                .isCloseTo(expected.get(0).enmoMeanMg(), org.assertj.core.data.Offset.offset(0.05));
        assertThat(days.getList("[0].provenance.sources", String.class)).containsExactly("baseline:" + id);
        assertThat(days.getString("[0].provenance.placement")).isEqualTo("hip");

        // The same file again answers the same recording; nothing is stored twice.
        upload(physio.token(), patient, file, "gt3x", from, to)
                .then()
                .statusCode(200)
                .body("id", is(id))
                .body("status", is("done"));
        assertThat(jdbc.count("select count(*) from baseline_recording where patient_id = ?::uuid", patient))
                .isEqualTo(1);
        // The pseudo-device is not one of the patient's wearables.
        as(physio.token())
                .get("/api/v1/patients/" + patient + "/devices")
                .then()
                .statusCode(200)
                .body("size()", is(0));

        // Adherence counts days from the program's start only: the baseline day is judged by none.
        Clinic.prescribe(
                physio,
                patient,
                Map.of(
                        "reason",
                        "after the baseline week",
                        "components",
                        List.of(Map.of("kind", "steps", "stepsPerDay", 1, "daysPerWeek", 1))));
        JsonPath adherence = as(physio.token())
                .queryParam("from", day)
                .queryParam("to", day)
                .get("/api/v1/patients/" + patient + "/adherence")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(adherence.getList("programVersion")).containsOnlyNulls();
    }

    @Test
    void aTruncatedGt3xIsRefusedNamingTheFileAndLeavesNothing() throws Exception {
        Recording rec = recording();
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, ZONE);
        byte[] file = Files.readAllBytes(GT3X);
        byte[] truncated = Arrays.copyOf(file, file.length / 2);
        upload(
                        physio.token(),
                        patient,
                        truncated,
                        "gt3x",
                        rec.start(),
                        rec.start().plus(Duration.ofHours(1)))
                .then()
                .statusCode(400)
                .body("errors.field", contains("file"));
        // A CSV is not a .gt3x either.
        upload(
                        physio.token(),
                        patient,
                        "time,x,y,z\n".getBytes(StandardCharsets.UTF_8),
                        "gt3x",
                        rec.start(),
                        rec.start().plus(Duration.ofHours(1)))
                .then()
                .statusCode(400)
                .body("errors.field", contains("file"));
        assertThat(jdbc.count("select count(*) from baseline_recording where patient_id = ?::uuid", patient))
                .isZero();
    }

    @Test
    void aCsvWithABadLineFailsWholeNamingTheLine() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, ZONE);
        Instant start = TestClock.CLOCK.instant().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        StringBuilder csv = new StringBuilder("time,x,y,z\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(start.plusMillis(i * 20L)).append(i == 4000 ? ",0.1,oops,0.9\n" : ",0.01,0.02,0.98\n");
        }
        String id = upload(
                        physio.token(),
                        patient,
                        csv.toString().getBytes(StandardCharsets.UTF_8),
                        "osteon_csv",
                        start,
                        start.plus(Duration.ofHours(1)))
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        JsonPath failed = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> as(physio.token())
                                .get("/api/v1/patients/" + patient + "/recordings/" + id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        j -> "failed".equals(j.getString("status")));
        assertThat(failed.getString("error.field")).isEqualTo("file");
        assertThat(failed.getString("error.message")).contains("line 4002");
        assertThat(failed.getString("error.message")).doesNotContain("osteon-baseline-");
        assertThat(jdbc.count("select count(*) from accel_batch where device_id = ?", "baseline/" + id))
                .isZero();
        assertThat(jdbc.count("select count(*) from device where id = ?", "baseline/" + id))
                .isZero();
        assertThat(jdbc.count("select count(*) from day_dirty where patient_id = ?::uuid", patient))
                .isZero();
    }

    @Test
    void theWearPeriodAndFormatAreCheckedNamingTheField() throws Exception {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, ZONE);
        byte[] file = Files.readAllBytes(GT3X);
        Instant t = Instant.parse("2019-02-14T00:00:00Z");
        upload(physio.token(), patient, file, "gt3x", t, t)
                .then()
                .statusCode(400)
                .body("errors.field", contains("to"))
                .body("errors[0].message", containsString("empty"));
        upload(physio.token(), patient, file, "gt3x", t, t.plus(Duration.ofDays(9)))
                .then()
                .statusCode(400)
                .body("errors.field", contains("to"))
                .body("errors[0].message", containsString("at most 8 days"));
        upload(physio.token(), patient, file, "zip", t, t.plus(Duration.ofDays(1)))
                .then()
                .statusCode(400)
                .body("errors.field", contains("format"))
                .body("errors[0].message", containsString("gt3x, actilife_csv, osteon_csv"));
    }

    @Test
    void onlyTheAssignedPhysiotherapistOrAnAdminMayUpload() throws Exception {
        Recording rec = recording();
        Physio physio = Clinic.newPhysio();
        Physio other = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, ZONE);
        byte[] file = Files.readAllBytes(GT3X);
        Instant from = rec.start();
        Instant to = rec.start().plus(Duration.ofHours(1));
        upload(other.token(), patient, file, "gt3x", from, to).then().statusCode(404);
        upload(Tokens.patient(patient), patient, file, "gt3x", from, to).then().statusCode(403);
        as(other.token())
                .get("/api/v1/patients/" + patient + "/recordings")
                .then()
                .statusCode(404);
        assertThat(jdbc.count("select count(*) from baseline_recording where patient_id = ?::uuid", patient))
                .isZero();
        // An admin may, e.g. for a trial's data manager.
        upload(Tokens.admin(), patient, file, "gt3x", from, to).then().statusCode(202);
        asAdmin()
                .get("/api/v1/patients/" + patient + "/recordings")
                .then()
                .statusCode(200)
                .body("size()", is(1));
    }

    @Test
    void anUploadMayBeLargerThanOtherBodiesWhichKeepTheirLimit() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, ZONE);
        byte[] large = new byte[11 << 20];
        Instant t = TestClock.CLOCK.instant().minus(Duration.ofDays(30));
        // Past the 10 MiB of other endpoints, to the reader, which finds it is no .gt3x.
        upload(physio.token(), patient, large, "gt3x", t, t.plus(Duration.ofDays(1)))
                .then()
                .statusCode(400)
                .body("errors.field", contains("file"));
        // Another endpoint refuses as much before reading it.
        as(physio.token())
                .contentType("application/json")
                .body(large)
                .post("/api/v1/patients")
                .then()
                .statusCode(413)
                .body("errors.field", contains("body"));
    }

    @Test
    void anImportARestartInterruptedIsMarkedFailedAndTheSameFileMayBeUploadedAgain() throws Exception {
        Recording rec = recording();
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, ZONE);
        byte[] file = Files.readAllBytes(GT3X);
        java.util.UUID id = java.util.UUID.randomUUID();
        // What a service that stopped mid-import left: its row, reading, its last heartbeat
        // longer ago than osteon.baseline.stale-after, and nothing else.
        jdbc.update(
                "insert into baseline_recording (id, patient_id, sha256, format, wear_from, wear_to, status, "
                        + "uploaded_by, created_at) values (?, ?::uuid, ?, 'gt3x', ?, ?, 'reading', 'x', ?)",
                id,
                patient,
                java.security.MessageDigest.getInstance("SHA-256").digest(file),
                rec.start(),
                rec.start().plus(Duration.ofHours(1)),
                TestClock.CLOCK.instant().minus(Duration.ofMinutes(2)));
        imports.onStart(null);
        as(physio.token())
                .get("/api/v1/patients/" + patient + "/recordings/" + id)
                .then()
                .statusCode(200)
                .body("status", is("failed"))
                .body("error.field", is("file"))
                .body("error.message", containsString("interrupted (the service restarted or stopped)"));
        String again = upload(
                        physio.token(),
                        patient,
                        file,
                        "gt3x",
                        rec.start(),
                        rec.start().plus(Duration.ofHours(1)))
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        assertThat(again).isNotEqualTo(id.toString());
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> as(physio.token())
                                .get("/api/v1/patients/" + patient + "/recordings/" + again)
                                .path("status"),
                        "done"::equals);
    }

    @Test
    void theSameRecordingAsActiLifesCsvExportIsReadInThePatientsZone() throws Exception {
        Recording rec = recording();
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, ZONE);
        byte[] csv = Files.readAllBytes(Path.of("src/test/resources/eval/agread/exampleRAW.csv"));
        String id = upload(
                        physio.token(),
                        patient,
                        csv,
                        "actilife_csv",
                        rec.start(),
                        rec.start().plus(Duration.ofMinutes(2)))
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        JsonPath done = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> as(physio.token())
                                .get("/api/v1/patients/" + patient + "/recordings/" + id)
                                .then()
                                .extract()
                                .jsonPath(),
                        j -> "done".equals(j.getString("status")));
        // Local times without an offset, read in New York's: the instants the .gt3x states.
        assertThat(done.getString("firstSample")).isEqualTo(rec.start().toString());
        // Two of the three minutes are in the stated wear period; the third is clipped.
        assertThat(done.getLong("samples")).isEqualTo(2L * 60 * rec.info().sampleRateHz());
        assertThat(done.getLong("samplesOutsideWearPeriod"))
                .isEqualTo(60L * rec.info().sampleRateHz());
        assertThat(done.getList("days", String.class)).containsExactly("2019-02-14");
    }
}
