package org.osteon.interop;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.adherence.AdherenceConfig;
import org.osteon.adherence.AdherenceService;
import org.osteon.auth.Roles;
import org.osteon.common.ApiException;
import org.osteon.common.ApiProblem;
import org.osteon.common.DateParam;
import org.osteon.common.Text;
import org.osteon.interop.OpenMhealth.DataPoint;
import org.osteon.interop.OpenMhealth.Schema;
import org.osteon.patient.Patient;
import org.osteon.patient.PatientAccess;

/** A patient's days as Open mHealth data points, for apps and research platforms that read that standard. */
@Path("/api/v1/patients/{patientId}/omh")
@Tag(name = "Days and adherence")
@SecurityRequirement(name = "bearer")
public class OmhResource {
    /** Days given when no range is asked for: today and the 29 before. */
    static final int DEFAULT_DAYS = 30;

    private final AdherenceService adherence;
    private final AdherenceConfig config;
    private final PatientAccess access;
    private final Clock clock;

    public OmhResource(AdherenceService adherence, AdherenceConfig config, PatientAccess access, Clock clock) {
        this.adherence = adherence;
        this.config = config;
        this.access = access;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.PATIENT, Roles.PHYSIO})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Days as Open mHealth data points",
            description = "One data point per valid day (at least osteon.adherence.min-wear-hours of wear) and schema: "
                    + "omh:minutes-moderate-activity:1.0 (MVPA minutes, moderate or more), omh:step-count:3.0 (steps; "
                    + "deprecated by Open mHealth in favour of the next one, emitted for older consumers) and "
                    + "ieee:physical-activity:1.0 (IEEE 1752.1: the day's steps as base_movement_quantity). Each body's "
                    + "effective_time_frame.time_interval is the local day in the patient's zone; header.id is stable "
                    + "for a patient, day and schema, so a re-export replaces what it exported before. By default "
                    + "today and the 29 days before, every schema.")
    @APIResponse(
            responseCode = "200",
            description = "the data points, by date and then schema",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "200", value = OmhExamples.DATA_POINTS)))
    @APIResponse(
            responseCode = "400",
            description = "a malformed date, a range out of bounds, or an unknown schema, named in errors",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "400", value = OmhExamples.SCHEMA_400)))
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "admins do not read clinical data")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<DataPoint> dataPoints(
            @PathParam("patientId") UUID patientId,
            @QueryParam("from") @Parameter(description = "first day (a date); default 29 days before to") String from,
            @QueryParam("to") @Parameter(description = "last day, inclusive; default today") String to,
            @QueryParam("schema")
                    @Parameter(
                            description = "comma-separated schemas, by id (omh:step-count:3.0) or name (step-count); "
                                    + "default all")
                    String schema) {
        List<Schema> schemas = schemas(schema);
        Patient p = access.clinical(patientId, "omh");
        ZoneId zone = ZoneId.of(p.timeZone);
        LocalDate asked = DateParam.optional("to", to);
        LocalDate end = asked != null ? asked : LocalDate.now(clock.withZone(zone));
        LocalDate askedFrom = DateParam.optional("from", from);
        LocalDate start = askedFrom != null ? askedFrom : end.minusDays(DEFAULT_DAYS - 1L);
        return OpenMhealth.dataPoints(
                p.id, zone, adherence.shown(p, start, end), schemas, config.minWearHours(), clock.instant());
    }

    /** The schemas asked for, in the order of {@link Schema}; all of them for none. */
    static List<Schema> schemas(String value) {
        if (value == null || value.isBlank()) {
            return List.of(Schema.values());
        }
        List<Schema> asked = new ArrayList<>();
        for (String part : value.split(",")) {
            String v = part.trim();
            Schema s = Arrays.stream(Schema.values())
                    .filter(x -> x.id().equals(v) || x.name.equals(v))
                    .findFirst()
                    .orElseThrow(() -> ApiException.badField(
                            "schema",
                            "must be one or more of "
                                    + String.join(
                                            ", ",
                                            Arrays.stream(Schema.values())
                                                    .map(Schema::id)
                                                    .toList())
                                    + " (or their names), comma-separated; was '" + Text.printable(v, 60) + "'"));
            asked.add(s);
        }
        return Arrays.stream(Schema.values()).filter(asked::contains).toList();
    }
}
