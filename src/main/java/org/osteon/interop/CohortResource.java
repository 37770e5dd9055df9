package org.osteon.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.osteon.audit.AuditLog;
import org.osteon.auth.Caller;
import org.osteon.auth.Roles;
import org.osteon.common.ApiDocs;
import org.osteon.common.ApiException;
import org.osteon.common.ApiProblem;
import org.osteon.common.DateParam;
import org.osteon.common.Jdbc;
import org.osteon.engine.ScoredDay;
import org.osteon.patient.PatientAccess;

/**
 * A cohort's scored days in one streamed answer (docs/interop.md, "Cohort export"): for a
 * physiotherapist their own patients under their ids, for the study role every patient under a
 * pseudonym. The days are read with a database cursor and written line by line as they come
 * ({@link CohortExport}), so the service holds one day at a time and the list of the patients'
 * ids (16 bytes each), never the cohort's days.
 */
@Path("/api/v1/cohort/days")
@Tag(name = "Days and adherence")
@SecurityRequirement(name = "bearer")
public class CohortResource {
    private static final Logger LOG = Logger.getLogger(CohortResource.class);
    /** Rows the cursor fetches at a time: a few hundred kilobytes of days, whatever the cohort. */
    static final int FETCH_SIZE = 200;

    private final AgroalDataSource dataSource;
    private final Jdbc jdbc;
    private final PatientAccess access;
    private final Caller caller;
    private final AuditLog audit;
    private final InteropConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public CohortResource(
            AgroalDataSource dataSource,
            Jdbc jdbc,
            PatientAccess access,
            Caller caller,
            AuditLog audit,
            InteropConfig config,
            ObjectMapper json,
            Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.access = access;
        this.caller = caller;
        this.audit = audit;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.PHYSIO, Roles.STUDY})
    @Produces(CohortExport.MEDIA_TYPE)
    @Operation(
            summary = "A cohort's scored days, streamed as NDJSON",
            description = "One JSON object per line: a 'cohort' line (from, to, patients in scope, pseudonymous), then "
                    + "per patient with days a 'patient' line (patient, index of of: the progress) and its 'day' lines "
                    + "in date order (the day as GET /days shows it, with patient), and last an 'end' line with the "
                    + "counts; a stream without its 'end' line broke off. A physiotherapist gets their own patients "
                    + "under their ids; the study role every patient under a pseudonym (HMAC-SHA256 of the id under "
                    + "osteon.interop.cohort-pseudonym-key). from..to are local dates of each patient, inclusive, "
                    + "at most osteon.interop.cohort-max-range-days; by default the 90 days up to today (UTC).")
    @APIResponse(
            responseCode = "200",
            description = "the lines",
            content =
                    @Content(
                            mediaType = CohortExport.MEDIA_TYPE,
                            examples = @ExampleObject(name = "200", value = CohortExamples.LINES)))
    @APIResponse(
            responseCode = "400",
            description = "a malformed date or a range out of bounds, named in errors",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "400", value = ApiDocs.BAD_REQUEST)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(
            responseCode = "403",
            ref = "Forbidden",
            description = "neither a registered physiotherapist nor the study role")
    @APIResponse(
            responseCode = "409",
            description = "the study role, while no pseudonym key is configured",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "409", value = ApiDocs.CONFLICT)))
    public Response days(
            @QueryParam("from") @Parameter(description = "first local date, inclusive (default: 89 days before to)")
                    String from,
            @QueryParam("to") @Parameter(description = "last local date, inclusive (default: today, UTC)") String to) {
        LocalDate[] range = range(from, to);
        CohortExport.Pseudonyms pseudonyms = null;
        List<UUID> patients;
        if (caller.is(Roles.STUDY)) {
            String key = config.cohortPseudonymKey()
                    .filter(k -> !k.isBlank())
                    .orElseThrow(() -> ApiException.conflict(
                            "osteon.interop.cohort-pseudonym-key",
                            "the study role exports under pseudonyms, and no pseudonym key is configured"
                                    + " (osteon.interop.cohort-pseudonym-key)"));
            pseudonyms = new CohortExport.Pseudonyms(key);
            patients = ids("select id from patient order by id");
            Map<String, Object> detail = new HashMap<>();
            detail.put("from", range[0].toString());
            detail.put("to", range[1].toString());
            detail.put("patients", patients.size());
            audit.record(AuditLog.COHORT_EXPORTED, null, null, detail);
        } else {
            UUID physio = access.registeredPhysio().id;
            patients = ids("select patient_id from care_assignment where physio_id = ? order by patient_id", physio);
            audit.recordEach(AuditLog.PATIENT_READ, patients, null, Map.of("resource", "cohort"));
        }
        CohortExport.Pseudonyms names = pseudonyms;
        Instant now = clock.instant();
        StreamingOutput body = out -> stream(out, patients, range[0], range[1], names, now);
        return Response.ok(body, CohortExport.MEDIA_TYPE)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"osteon-cohort-days-" + range[0] + "-" + range[1] + ".ndjson\"")
                .build();
    }

    private LocalDate[] range(String from, String to) {
        LocalDate t = DateParam.optional("to", to);
        LocalDate f = DateParam.optional("from", from);
        if (t == null) {
            t = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        }
        if (f == null) {
            f = t.minusDays(89);
        }
        if (f.isAfter(t)) {
            throw ApiException.badField("from", "must not be after to (" + t + "), was " + f);
        }
        long days = ChronoUnit.DAYS.between(f, t) + 1;
        if (days > config.cohortMaxRangeDays()) {
            throw ApiException.badField(
                    "to",
                    "from..to may span at most " + config.cohortMaxRangeDays()
                            + " days (osteon.interop.cohort-max-range-days), was " + days);
        }
        return new LocalDate[] {f, t};
    }

    /**
     * The days of {@code patients} from a cursor: autocommit off and a fetch size, so that the
     * driver holds {@link #FETCH_SIZE} rows at a time instead of the whole result.
     */
    private void stream(
            OutputStream out,
            List<UUID> patients,
            LocalDate from,
            LocalDate to,
            CohortExport.Pseudonyms pseudonyms,
            Instant now)
            throws IOException {
        CohortExport export = new CohortExport(json, out, pseudonyms);
        export.start(from, to, patients.size(), now);
        if (!patients.isEmpty()) {
            Map<UUID, Integer> index = new HashMap<>();
            for (int i = 0; i < patients.size(); i++) {
                index.put(patients.get(i), i + 1);
            }
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                c.setReadOnly(true);
                try (PreparedStatement ps = c.prepareStatement(
                        "select patient_id, "
                                + ScoredDay.SELECT.substring("select ".length())
                                + " where patient_id = any(?) and local_date between ? and ? order by patient_id, local_date")) {
                    ps.setFetchSize(FETCH_SIZE);
                    ps.setArray(1, c.createArrayOf("uuid", patients.toArray()));
                    ps.setObject(2, from);
                    ps.setObject(3, to);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            export.day(rs, index.get(rs.getObject("patient_id", UUID.class)), patients.size());
                        }
                    }
                } finally {
                    c.rollback();
                }
            } catch (SQLException e) {
                // The answer has begun: it can only stop without its end line, which says it broke off.
                LOG.errorf("cohort export %s..%s stopped: %s", from, to, e.getSQLState());
                throw new IOException("cohort export stopped", e);
            }
        }
        export.end();
    }

    private List<UUID> ids(String sql, Object... params) {
        return jdbc.list(sql, rs -> rs.getObject(1, UUID.class), params);
    }
}
