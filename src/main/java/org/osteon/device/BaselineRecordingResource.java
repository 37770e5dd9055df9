package org.osteon.device;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.audit.AuditLog;
import org.osteon.auth.Caller;
import org.osteon.auth.Roles;
import org.osteon.common.ApiDocs;
import org.osteon.common.ApiException;
import org.osteon.common.ApiProblem;
import org.osteon.common.Jdbc;
import org.osteon.patient.Patient;
import org.osteon.patient.PatientAccess;
import org.osteon.scoring.Placement;
import org.osteon.scoring.io.AccelerometerReader;

/**
 * Baseline recordings: a file recorded before the patient had a registered device (a trial's
 * baseline week on a clinic's ActiGraph), imported for a stated wear period and scored like a
 * device's data (docs/interop.md, "Baseline recordings").
 */
@Path("/api/v1/patients/{patientId}/recordings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Devices")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.ADMIN, Roles.PHYSIO})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "404", ref = "NotFound")
public class BaselineRecordingResource {
    private static final String FORMATS = "gt3x, actilife_csv, osteon_csv";

    private final PatientAccess access;
    private final Jdbc jdbc;
    private final Clock clock;
    private final Caller caller;
    private final AuditLog audit;
    private final BaselineConfig config;
    private final BaselineImports imports;
    /** Raw data older than this is dropped (retention/RetentionConfig); unset keeps it for ever. */
    private final Optional<Duration> rawDataRetention;

    public BaselineRecordingResource(
            PatientAccess access,
            Jdbc jdbc,
            Clock clock,
            Caller caller,
            AuditLog audit,
            BaselineConfig config,
            BaselineImports imports,
            @ConfigProperty(name = "osteon.retention.raw-data") Optional<Duration> rawDataRetention) {
        this.rawDataRetention = rawDataRetention;
        this.access = access;
        this.jdbc = jdbc;
        this.clock = clock;
        this.caller = caller;
        this.audit = audit;
        this.config = config;
        this.imports = imports;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Import a baseline recording for a patient",
            description = "The body is the file itself (`.gt3x`, ActiLife raw CSV or the project's `time,x,y,z` "
                    + "CSV, as `format` states), recorded between `from` and `to` (ISO-8601 instants; at most "
                    + "`osteon.baseline.max-wear-period`, 8 days). 202 with the recording, read and scored in the "
                    + "background; 200 with the existing recording when the same file (SHA-256) was uploaded for "
                    + "the patient before. Samples outside the wear period are clipped. An assigned "
                    + "physiotherapist or an admin; audited.")
    @APIResponse(
            responseCode = "200",
            description = "this file was imported for the patient before",
            content = @Content(examples = @ExampleObject(name = "200", value = DeviceExamples.RECORDING)))
    @APIResponse(
            responseCode = "202",
            description = "accepted; follow Location for progress",
            content = @Content(examples = @ExampleObject(name = "202", value = DeviceExamples.RECORDING_READING)))
    @APIResponse(
            responseCode = "400",
            description = "a parameter or the file is wrong, named in errors",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "400", value = ApiDocs.BAD_REQUEST)))
    @APIResponse(
            responseCode = "413",
            description = "the file is larger than osteon.baseline.max-bytes",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "413", value = DeviceExamples.TOO_LARGE)))
    @APIResponse(
            responseCode = "503",
            description = "imports are queued to their limit; try again later",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "503", value = DeviceExamples.QUEUE_FULL)))
    public Response upload(
            @PathParam("patientId") UUID patientId,
            @QueryParam("format") String format,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("placement") String placement,
            InputStream body,
            UriInfo uri)
            throws IOException {
        Patient patient = access.registry(patientId, null);
        AccelerometerReader.Format f = AccelerometerReader.Format.fromApiName(format);
        if (f == null) {
            throw ApiException.badField("format", "must be one of " + FORMATS);
        }
        Instant wearFrom = instant("from", from);
        Instant wearTo = instant("to", to);
        if (!wearTo.isAfter(wearFrom)) {
            throw ApiException.badField("to", "must be after from; the wear period is empty");
        }
        if (wearTo.isAfter(wearFrom.plus(config.maxWearPeriod()))) {
            throw ApiException.badField(
                    "to",
                    "the wear period may be at most " + config.maxWearPeriod().toDays() + " days");
        }
        if (wearTo.isAfter(clock.instant())) {
            throw ApiException.badField("to", "must not be in the future");
        }
        if (rawDataRetention.isPresent() && wearFrom.isBefore(clock.instant().minus(rawDataRetention.get()))) {
            throw ApiException.badField(
                    "from",
                    "is older than raw data is kept (osteon.retention.raw-data, " + rawDataRetention.get()
                            + "): its samples would be dropped before or soon after they are scored");
        }
        String place = placement == null ? Placement.WRIST.apiName() : placement;
        if (Arrays.stream(Placement.values()).noneMatch(p -> p.apiName().equals(place))) {
            throw ApiException.badField(
                    "placement",
                    "must be one of "
                            + String.join(
                                    ", ",
                                    Arrays.stream(Placement.values())
                                            .map(Placement::apiName)
                                            .toList()));
        }
        java.nio.file.Path file = spool(body);
        boolean queued = false;
        try {
            byte[] sha = sha256(file);
            Optional<Map<String, Object>> existing = find(patientId, sha);
            if (existing.isPresent() && !"failed".equals(existing.get().get("status"))) {
                return Response.ok(existing.get()).build();
            }
            // Fails here, at once, when the file is not of the stated format at all (not a zip, no
            // header); a bad line further in fails the import, shown on the recording.
            try (AccelerometerReader r = AccelerometerReader.open(file, f)) {
                r.info();
            } catch (IOException | RuntimeException e) {
                throw ApiException.badField("file", BaselineImports.message(e, file));
            }
            existing.ifPresent(e -> jdbc.update(
                    "delete from baseline_recording where id = ?::uuid and status = 'failed'", e.get("id")));
            UUID id = UUID.randomUUID();
            int inserted = jdbc.update(
                    "insert into baseline_recording (id, patient_id, sha256, format, wear_from, wear_to, status, "
                            + "uploaded_by, created_at) values (?, ?, ?, ?, ?, ?, 'reading', ?, ?) "
                            + "on conflict (patient_id, sha256) do nothing",
                    id,
                    patientId,
                    sha,
                    f.apiName(),
                    Timestamp.from(wearFrom),
                    Timestamp.from(wearTo),
                    caller.subject(),
                    Timestamp.from(clock.instant()));
            if (inserted == 0) {
                // The same file, uploaded at the same moment: that upload's recording answers.
                return Response.ok(find(patientId, sha).orElseThrow()).build();
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("recordingId", id.toString());
            detail.put("format", f.apiName());
            detail.put("from", wearFrom.toString());
            detail.put("to", wearTo.toString());
            audit.record(AuditLog.BASELINE_RECORDING_UPLOADED, patientId, null, detail);
            queued = imports.submit(new BaselineImports.Job(
                    id, patientId, ZoneId.of(patient.timeZone), file, f, place, wearFrom, wearTo));
            if (!queued) {
                jdbc.update("delete from baseline_recording where id = ?", id);
                throw new ApiException(
                        503,
                        "Service Unavailable",
                        "imports are queued to their limit (osteon.baseline.queue); try again later",
                        null);
            }
            return Response.accepted(find(patientId, sha).orElseThrow())
                    .location(uri.getAbsolutePathBuilder().path(id.toString()).build())
                    .build();
        } finally {
            if (!queued) {
                Files.deleteIfExists(file);
            }
        }
    }

    @GET
    @Operation(summary = "A patient's baseline recordings, newest first")
    @APIResponse(
            responseCode = "200",
            description = "the recordings",
            content = @Content(examples = @ExampleObject(name = "200", value = DeviceExamples.RECORDINGS)))
    public List<Map<String, Object>> list(@PathParam("patientId") UUID patientId) {
        access.registry(patientId, "baseline-recordings");
        return jdbc
                .list(
                        "select id from baseline_recording where patient_id = ? order by created_at desc, id",
                        rs -> rs.getObject(1, UUID.class),
                        patientId)
                .stream()
                .map(id -> view(patientId, id).orElseThrow())
                .toList();
    }

    @GET
    @Path("/{recordingId}")
    @Operation(
            summary = "A baseline recording and its import's progress",
            description = "status: reading (progress is the fraction of the file read), scoring (stored; the "
                    + "engine scores its days), done (its days are scored: `days`), failed (`error` names the "
                    + "field and what is wrong; nothing of it is stored).")
    @APIResponse(
            responseCode = "200",
            description = "the recording",
            content = @Content(examples = @ExampleObject(name = "200", value = DeviceExamples.RECORDING)))
    public Map<String, Object> get(@PathParam("patientId") UUID patientId, @PathParam("recordingId") UUID recordingId) {
        access.registry(patientId, "baseline-recordings");
        return view(patientId, recordingId).orElseThrow(() -> ApiException.notFound("recording", recordingId));
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badField(field, "is required: an ISO-8601 instant, e.g. 2026-11-02T08:00:00Z");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badField(field, "must be an ISO-8601 instant, e.g. 2026-11-02T08:00:00Z");
        }
    }

    /** Streams the body to a temporary file, never more than osteon.baseline.max-bytes of it. */
    private java.nio.file.Path spool(InputStream body) throws IOException {
        java.nio.file.Path dir =
                config.spoolDirectory().map(Paths::get).orElse(Paths.get(System.getProperty("java.io.tmpdir")));
        Files.createDirectories(dir);
        java.nio.file.Path file = Files.createTempFile(dir, "osteon-baseline-", ".upload");
        boolean ok = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            long total = 0;
            byte[] buffer = new byte[1 << 16];
            if (body != null) {
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    total += n;
                    if (total > config.maxBytes()) {
                        throw new ApiException(
                                413,
                                "Content Too Large",
                                "file: larger than " + config.maxBytes() + " bytes (osteon.baseline.max-bytes)",
                                List.of(new ApiProblem.FieldError(
                                        "file", "larger than " + config.maxBytes() + " bytes")));
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (total == 0) {
                throw ApiException.badField("file", "the request body is empty; it must be the recording file");
            }
            ok = true;
            return file;
        } finally {
            if (!ok) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static byte[] sha256(java.nio.file.Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    private Optional<Map<String, Object>> find(UUID patientId, byte[] sha) {
        return jdbc.one(
                        "select id from baseline_recording where patient_id = ? and sha256 = ?",
                        rs -> rs.getObject(1, UUID.class),
                        patientId,
                        sha)
                .flatMap(id -> view(patientId, id));
    }

    /**
     * The recording as the API shows it. A stored recording is done once none of its days waits
     * for the engine; the first read that finds so records it.
     */
    private Optional<Map<String, Object>> view(UUID patientId, UUID id) {
        imports.failStale(id);
        jdbc.update(
                "update baseline_recording r set status = 'done', finished_at = ? from patient p "
                        + "where r.id = ? and r.patient_id = ? and p.id = r.patient_id and r.status = 'scoring' "
                        + "and not exists (select 1 from day_dirty d where d.patient_id = r.patient_id "
                        + "and d.local_date between (r.first_sample at time zone p.time_zone)::date "
                        + "and (r.last_sample at time zone p.time_zone)::date)",
                Timestamp.from(clock.instant()),
                id,
                patientId);
        return jdbc.one(
                        "select id, status, progress, format, wear_from, wear_to, samples, samples_outside, "
                                + "first_sample, last_sample, rate_hz, file_device, error_field, error, created_at, "
                                + "finished_at, sha256, device_id from baseline_recording where id = ? and patient_id = ?",
                        BaselineRecordingResource::row,
                        id,
                        patientId)
                .map(r -> {
                    String deviceId = (String) r.remove("deviceId");
                    r.put(
                            "days",
                            deviceId == null
                                    ? List.of()
                                    : jdbc.list(
                                            "select local_date from day_summary where patient_id = ? "
                                                    + "and provenance->>'deviceId' = ? order by local_date",
                                            rs -> rs.getObject(1, LocalDate.class)
                                                    .toString(),
                                            patientId,
                                            deviceId));
                    return r;
                });
    }

    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", rs.getObject("id", UUID.class).toString());
        r.put("status", rs.getString("status"));
        r.put("progress", rs.getDouble("progress"));
        r.put("format", rs.getString("format"));
        r.put("from", instant(rs.getTimestamp("wear_from")));
        r.put("to", instant(rs.getTimestamp("wear_to")));
        r.put("samples", rs.getLong("samples"));
        r.put("samplesOutsideWearPeriod", rs.getLong("samples_outside"));
        r.put("firstSample", instant(rs.getTimestamp("first_sample")));
        r.put("lastSample", instant(rs.getTimestamp("last_sample")));
        r.put("rateHz", rs.getObject("rate_hz", Double.class));
        r.put("recordedBy", rs.getString("file_device"));
        r.put("sha256", HexFormat.of().formatHex(rs.getBytes("sha256")));
        String field = rs.getString("error_field");
        r.put("error", field == null ? null : Map.of("field", field, "message", rs.getString("error")));
        r.put("createdAt", instant(rs.getTimestamp("created_at")));
        r.put("finishedAt", instant(rs.getTimestamp("finished_at")));
        r.put("deviceId", rs.getString("device_id"));
        return r;
    }

    private static String instant(Timestamp t) {
        return t == null ? null : t.toInstant().toString();
    }
}
