package org.osteon.adherence;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.auth.Roles;
import org.osteon.common.ApiException;
import org.osteon.common.ApiProblem;
import org.osteon.common.Csv;
import org.osteon.common.DateParam;
import org.osteon.common.Json;
import org.osteon.engine.ScoredDay;
import org.osteon.patient.Patient;
import org.osteon.patient.PatientAccess;
import org.osteon.program.ProgramService;

/**
 * A patient's scored days and their adherence, for the patient's app and their physiotherapist: as
 * JSON, or with {@code Accept: text/csv} as a CSV file for a spreadsheet or a statistics package
 * (same parameters, same access, same numbers).
 */
@Path("/api/v1/patients/{patientId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Days and adherence")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.PATIENT, Roles.PHYSIO})
@APIResponse(
        responseCode = "400",
        description = "from or to missing, reversed or too far apart; named in errors",
        content =
                @Content(
                        mediaType = ApiProblem.MEDIA_TYPE,
                        examples =
                                @ExampleObject(
                                        name = "400",
                                        value =
                                                "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"to: must not be "
                                                        + "before from\",\"instance\":\"/api/v1/patients/5f0c…/adherence\",\"errors\":[{\"field\":\"to\","
                                                        + "\"message\":\"must not be before from\"}]}")))
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden", description = "admins do not read clinical data")
@APIResponse(responseCode = "404", ref = "NotFound")
public class PatientDataResource {
    private final AdherenceService adherence;
    private final PatientAccess access;
    private final Clock clock;
    private final ObjectMapper json;
    private final AdherenceAnswers answers;

    public PatientDataResource(
            AdherenceService adherence,
            PatientAccess access,
            Clock clock,
            ObjectMapper json,
            AdherenceAnswers answers) {
        this.adherence = adherence;
        this.answers = answers;
        this.access = access;
        this.clock = clock;
        this.json = json;
    }

    @GET
    @Path("/days")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(
            summary = "Scored days from..to (local dates, inclusive)",
            description = "Wear time, ENMO, MVPA and bouted MVPA, steps, impacts by band and by threshold, osteogenic "
                    + "index, daily stress stimulus, sedentary time (all day, and waking: outside the sleep windows of "
                    + "the nights that touch the day, which targets use), the day's own relative amplitude (RA), RA/IS/IV "
                    + "over the 7 days ending on the day, the estimated peak ground-reaction force per activity model "
                    + "(estimatedPeakGrf: hip, lower back and ankle with a body mass on the patient record; otherwise "
                    + "estimated false and the reason, as for the wrist; equations, coefficients, sources and "
                    + "validation figures in its provenance; null on a day scored before it existed), "
                    + "and provenance, with the circadian parameters under "
                    + "provenance.circadianDay and provenance.rolling7. Days the "
                    + "scoring core has not written are absent. The range is bounded (osteon.adherence.max-range-days). "
                    + "With Accept: text/csv, a CSV file (RFC 4180, UTF-8) of one row per day: the nested numbers get a "
                    + "column each (impacts_<band>, impacts_at_or_above_<g>g for every threshold any day of the range "
                    + "has), provenance stays JSON in its own column.")
    @APIResponse(
            responseCode = "200",
            description = "the days",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(type = SchemaType.ARRAY, implementation = ScoredDay.class),
                        examples =
                                @ExampleObject(
                                        name = "200",
                                        value =
                                                "[{\"date\":\"2026-03-02\",\"wearHours\":14.5,\"enmoMg\":31.2,\"mvpaMinutes\":48.0,\"vigorousMinutes\":16.0,"
                                                        + "\"mvpaBoutedMinutes\":{\"min1\":40.0,\"min5\":31.0,\"min10\":22.0},\"steps\":8123,"
                                                        + "\"impactsByBand\":{\"low\":812,\"medium\":95,\"high\":31},\"impactsAtOrAbove\":{\"4.2\":31,\"6.0\":2},"
                                                        + "\"osteogenicIndex\":41.7,\"dailyStressStimulus\":12.9,\"sedentaryMinutes\":520.0,"
                                                        + "\"longestSedentaryBoutMinutes\":75.0,\"wakingSedentaryMinutes\":410.0,"
                                                        + "\"wakingLongestSedentaryBoutMinutes\":55.0,\"resistanceSessions\":1,\"relativeAmplitude\":0.86,"
                                                        + "\"rolling7d\":{\"ra\":0.88,\"is\":0.61,\"iv\":0.74},\"provenance\":{\"placement\":\"hip\","
                                                        + "\"circadianDay\":{\"algorithm\":\"circadian-day-profile-ra\",\"version\":\"1\",\"parameters\":"
                                                        + "{\"binarise\":true,\"binariseThresholdMg\":40.0,\"epochSeconds\":5,"
                                                        + "\"minDayValidHours\":16,\"minHourWearFraction\":0.5,\"validHours\":18,"
                                                        + "\"wrapM10L5\":false}},\"rolling7\":{\"algorithm\":\"circadian-rolling-is-iv-ra\","
                                                        + "\"version\":\"1\",\"parameters\":{\"binarise\":true,\"binariseThresholdMg\":40.0,"
                                                        + "\"daysUsed\":[\"2026-02-24\",\"2026-02-25\",\"2026-02-26\",\"2026-02-27\",\"2026-02-28\",\"2026-03-01\",\"2026-03-02\"],"
                                                        + "\"epochSeconds\":5,\"minDays\":3,\"minHourWearFraction\":0.5,"
                                                        + "\"validDays\":7,\"validHours\":121,\"windowDays\":7,\"wrapM10L5\":false}}},"
                                                        + "\"estimatedPeakGrf\":{\"estimated\":true,\"reason\":null,\"models\":[{\"model\":"
                                                        + "\"walking/running\",\"equation\":\"WALKING_RUNNING_HIP\",\"peaks\":3012,\"meanPeakG\":1.642,"
                                                        + "\"maxPeakG\":3.481,\"meanNewtons\":1382.8,\"maxNewtons\":1467.3,\"meanBodyWeights\":2.014,"
                                                        + "\"maxBodyWeights\":2.137},{\"model\":\"jumping\",\"equation\":\"JUMPING_HIP\",\"peaks\":3012,"
                                                        + "\"meanPeakG\":1.642,\"maxPeakG\":3.481,\"meanNewtons\":1223.6,\"maxNewtons\":1735.4,"
                                                        + "\"meanBodyWeights\":1.783,\"maxBodyWeights\":2.528}],\"provenance\":{\"algorithm\":"
                                                        + "\"veras-grf\",\"version\":\"1\",\"parameters\":{\"bodyMassKg\":70.0,\"equations\":"
                                                        + "[{\"name\":\"WALKING_RUNNING_HIP\",\"form\":\"pGRF_N = b0 + b1*a_g + b2*m_kg + b3*a_g*m_kg\","
                                                        + "\"vector\":\"resultant\",\"placement\":\"hip\",\"coefficients\":{\"b0\":814.888,"
                                                        + "\"b1\":-229.459,\"b2\":7.036,\"b3\":3.934},\"model\":{\"name\":\"WALKING_RUNNING\","
                                                        + "\"activity\":\"walking/running\",\"source\":\"Veras L, Diniz-Sousa F, Boppre G, et al. "
                                                        + "Mechanical loading prediction through accelerometry data during walking and running. Eur J "
                                                        + "Sport Sci 2023;23(8):1518-1527. doi:10.1080/17461391.2022.2102437\",\"validation\":"
                                                        + "{\"checked\":false,\"note\":\"per-equation R2, SEE and MAPE are in the paper and were "
                                                        + "not checked\"}}},{\"name\":\"JUMPING_HIP\",\"…\":\"as above, with its own coefficients, "
                                                        + "source and validation\"}],\"filter\":{\"type\":\"Butterworth low-pass, zero-phase (forward "
                                                        + "and backward)\",\"order\":4,\"cutoffHz\":20.0},\"peaks\":{\"minHeightG\":1.3,"
                                                        + "\"minDistanceSeconds\":0.4},\"peaksInNonWearLeftOut\":2,\"placement\":\"hip\","
                                                        + "\"samplesUsed\":8640000,\"samplesSkippedRateTooLow\":0,\"standardGravity\":9.80665}}}}]")),
                @Content(mediaType = Csv.MEDIA_TYPE, examples = @ExampleObject(name = "200 text/csv", value = DAYS_CSV))
            })
    public Response days(
            @PathParam("patientId") UUID patientId,
            @QueryParam("from")
                    @Parameter(description = FROM, schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String from,
            @QueryParam("to") @Parameter(description = TO, schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String to,
            @Context HttpHeaders headers) {
        Patient p = access.clinicalRead(patientId, "days");
        LocalDate[] r = range(p, from, to);
        return answer(
                headers, adherence.shown(p, r[0], r[1]), days -> AdherenceCsv.days(days, json), filename(p, "days", r));
    }

    @GET
    @Path("/sleep")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(
            summary = "Nights from..to with their sleep window, and the sleep midpoint's variability",
            description = "Each night runs from local noon of its date to the next local noon; its sleep period time "
                    + "window is found by HDCZA (van Hees VT et al. 2018, Sci Rep 8:12975) from the z-angle of the "
                    + "scored days' 5-s epochs, once both of the night's days are scored. A night without a window "
                    + "(not worn enough, no long still block, a day missing) is absent. midpointVariability7 is "
                    + "the sample SD of the midpoints, in minutes after each night's noon, over the 7 nights ending "
                    + "with to (null with fewer than 3 windows). Provenance names the algorithm, its parameters and "
                    + "the night's threshold. Same access and range rules as the days. With Accept: text/csv, one row per "
                    + "night (night, onset, wake, duration_minutes, midpoint, threshold_deg, provenance), without the "
                    + "variability.")
    @APIResponse(
            responseCode = "200",
            description = "the nights",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdherenceService.Sleep.class),
                            examples =
                                    @ExampleObject(
                                            name = "200",
                                            value =
                                                    "{\"nights\":[{\"night\":\"2026-03-02\",\"onset\":\"2026-03-02T22:21:40Z\","
                                                            + "\"wake\":\"2026-03-03T05:02:05Z\",\"durationMinutes\":400.4,"
                                                            + "\"midpoint\":\"2026-03-03T01:41:52.500Z\",\"thresholdDeg\":0.25,"
                                                            + "\"provenance\":{\"algorithm\":\"hdcza-sleep-window\",\"version\":\"1\","
                                                            + "\"parameters\":{\"daysUsed\":[\"2026-03-02\",\"2026-03-03\"],"
                                                            + "\"periodStart\":\"2026-03-02T12:00+01:00\",\"periodEnd\":\"2026-03-03T12:00+01:00\","
                                                            + "\"reference\":\"van Hees VT et al. (2018) Estimating sleep parameters using an "
                                                            + "accelerometer without sleep diary. Sci Rep 8:12975\",\"sleep\":{\"epochSeconds\":5,"
                                                            + "\"medianMinutes\":5,\"percentile\":10.0,\"multiplier\":15.0,\"thresholdMinDeg\":0.13,"
                                                            + "\"thresholdMaxDeg\":0.5,\"minBlockMinutes\":30,\"maxGapMinutes\":60,"
                                                            + "\"minWornFraction\":0.5,\"minRegularityNights\":3},\"thresholdDeg\":0.25,"
                                                            + "\"zone\":\"Europe/Vienna\"}}}],\"midpointVariability7\":{\"nights\":6,"
                                                            + "\"meanMinutesAfterNoon\":818.5,\"sdMinutes\":21.4,\"provenance\":{\"algorithm\":"
                                                            + "\"sleep-midpoint-sd\",\"version\":\"1\",\"parameters\":{\"definition\":\"sample SD "
                                                            + "(n-1) of sleep midpoints, in minutes after the local noon starting each night\","
                                                            + "\"windowAlgorithm\":\"hdcza-sleep-window/1\",\"zone\":\"Europe/Vienna\"}}}}")))
    public Response sleep(
            @PathParam("patientId") UUID patientId,
            @QueryParam("from")
                    @Parameter(
                            description = "first night (the date of the noon it starts at), in the patient's time "
                                    + "zone; defaults as for the days",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String from,
            @QueryParam("to")
                    @Parameter(
                            description = "last night, inclusive; defaults as for the days",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String to,
            @Context HttpHeaders headers) {
        Patient p = access.clinicalRead(patientId, "sleep");
        LocalDate[] r = range(p, from, to);
        AdherenceService.Sleep sleep = adherence.sleep(p, r[0], r[1]);
        if (Csv.wanted(headers)) {
            return Csv.download(AdherenceCsv.nights(sleep.nights(), json), filename(p, "sleep", r));
        }
        return Response.ok(sleep, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/adherence")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(
            summary = "Adherence per component, by day or by week",
            description = "by=day: each day of from..to against the targets in force that day. by=week: the "
                    + "Monday-to-Sunday weeks holding from..to, whole, with the weighted overall and the days a safety "
                    + "cap was exceeded. Day boundaries are the patient's local midnights. With Accept: text/csv, a CSV "
                    + "file (RFC 4180, UTF-8) of one row per day (or week) and component; a day or week without any "
                    + "component in force has one row with the component columns empty.")
    @APIResponse(
            responseCode = "200",
            description = "days or weeks",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(type = SchemaType.ARRAY, implementation = AdherenceResults.Period.class),
                        examples = {
                            @ExampleObject(
                                    name = "200 by=day",
                                    value =
                                            "[{\"date\":\"2026-03-02\",\"programVersion\":1,\"wearHours\":14.5,"
                                                    + "\"components\":[{\"kind\":\"steps\",\"unit\":\"steps\",\"target\":7000.0,\"achieved\":8123.0,"
                                                    + "\"ratio\":1.0,\"rawRatio\":1.16,\"status\":\"met\"}],\"capExceeded\":null}]"),
                            @ExampleObject(
                                    name = "200 by=week",
                                    value = "[{\"weekStart\":\"2026-03-02\",\"weekEnd\":\"2026-03-08\","
                                            + "\"components\":[{\"kind\":\"steps\",\"unit\":\"days\",\"target\":4.286,\"achieved\":4.0,\"ratio\":0.933,"
                                            + "\"rawRatio\":0.933,\"status\":\"partial\",\"daysWithData\":6}],\"overall\":0.933,"
                                            + "\"overallStatus\":\"partial\",\"capExceededDays\":[]}]")
                        }),
                @Content(
                        mediaType = Csv.MEDIA_TYPE,
                        examples = {
                            @ExampleObject(
                                    name = "200 by=day text/csv",
                                    value = "date,program_version,wear_hours,component,unit,target,"
                                            + "achieved,ratio,raw_ratio,status,cap_above_g,cap_max_per_day,cap_peaks\r\n2026-03-02,1,14.5,steps,"
                                            + "steps,7000.0,8123.0,1.0,1.16,met,,,\r\n"),
                            @ExampleObject(
                                    name = "200 by=week text/csv",
                                    value =
                                            "week_start,week_end,overall,overall_status,"
                                                    + "cap_exceeded_days,component,unit,target,achieved,ratio,raw_ratio,status,days_with_data\r\n"
                                                    + "2026-03-02,2026-03-08,0.933,partial,,steps,days,4.286,4.0,0.933,0.933,partial,6\r\n")
                        })
            })
    public Response adherence(
            @PathParam("patientId") UUID patientId,
            @QueryParam("from")
                    @Parameter(description = FROM, schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String from,
            @QueryParam("to") @Parameter(description = TO, schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String to,
            @QueryParam("by") @DefaultValue("day") @Parameter(schema = @Schema(enumeration = {"day", "week"}))
                    String by,
            @Context HttpHeaders headers) {
        Patient p = access.clinicalRead(patientId, "adherence");
        LocalDate[] r = range(p, from, to);
        return switch (by) {
            case "day" ->
                periods(
                        headers,
                        p,
                        by,
                        r,
                        () -> adherence.dayPeriods(p, r[0], r[1]),
                        AdherenceCsv::byDay,
                        "adherence-by-day");
            case "week" ->
                periods(
                        headers,
                        p,
                        by,
                        r,
                        () -> adherence.weekPeriods(p, r[0], r[1]),
                        AdherenceCsv::byWeek,
                        "adherence-by-week");
            default -> throw ApiException.badField("by", "must be day or week");
        };
    }

    /**
     * A days or weeks request of {@code p} over {@code range}: as the CSV file of {@code what} when
     * the client prefers CSV (always computed), otherwise as JSON, the one {@link AdherenceAnswers}
     * kept if its patient's data did not change since, or computed (and kept when it read nothing
     * that changes without a notice).
     */
    private <T> Response periods(
            HttpHeaders headers,
            Patient p,
            String by,
            LocalDate[] range,
            Supplier<AdherenceService.Periods<T>> compute,
            Function<List<T>, Csv> csv,
            String what) {
        if (Csv.wanted(headers)) {
            return Csv.download(csv.apply(compute.get().periods()), filename(p, what, range));
        }
        AdherenceAnswers.Key key =
                new AdherenceAnswers.Key(p.id, by, range[0], range[1], ProgramService.today(p, clock), p.timeZone);
        Optional<byte[]> known = answers.get(key);
        if (known.isPresent()) {
            return Response.ok(known.get(), MediaType.APPLICATION_JSON_TYPE).build();
        }
        AdherenceAnswers.Stamp stamp = answers.stamp(key);
        AdherenceService.Periods<T> periods = compute.get();
        if (!answers.active() || periods.readCheckins() || !stamp.keepable()) {
            answers.notKept();
            return Response.ok(periods.periods(), MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        byte[] body = Json.bytes(json, periods.periods(), "adherence answer");
        answers.put(key, stamp, body);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * The rows as JSON, or as the CSV file {@code filename} when the client prefers CSV
     * ({@link Csv#wanted}): one place that answers both media types for every endpoint here.
     */
    private static <T> Response answer(HttpHeaders headers, List<T> rows, Function<List<T>, Csv> csv, String filename) {
        if (Csv.wanted(headers)) {
            return Csv.download(csv.apply(rows), filename);
        }
        return Response.ok(rows, MediaType.APPLICATION_JSON_TYPE).build();
    }

    static final String DAYS_CSV = "date,wear_hours,enmo_mg,mvpa_minutes,vigorous_minutes,mvpa_bouted_1_minutes,"
            + "mvpa_bouted_5_minutes,mvpa_bouted_10_minutes,steps,impacts_low,impacts_medium,impacts_high,"
            + "impacts_at_or_above_4.2g,impacts_at_or_above_6.0g,osteogenic_index,daily_stress_stimulus,sedentary_minutes,"
            + "longest_sedentary_bout_minutes,waking_sedentary_minutes,waking_longest_sedentary_bout_minutes,"
            + "resistance_sessions,relative_amplitude,rolling7_ra,rolling7_is,rolling7_iv,grf_jumping_peaks,"
            + "grf_jumping_mean_body_weights,grf_jumping_max_body_weights,grf_jumping_max_newtons,"
            + "grf_walking_running_peaks,grf_walking_running_mean_body_weights,grf_walking_running_max_body_weights,"
            + "grf_walking_running_max_newtons,grf_provenance,provenance\r\n"
            + "2026-03-02,14.5,31.2,48.0,16.0,40.0,31.0,22.0,8123,812,95,31,31,2,41.7,12.9,520.0,75.0,410.0,55.0,1,0.86,"
            + "0.88,0.61,0.74,3012,1.783,2.528,1735.4,3012,2.014,2.137,1467.3,"
            + "\"{\"\"algorithm\"\":\"\"veras-grf\"\",\"\"version\"\":\"\"1\"\"}\",\"{\"\"placement\"\":\"\"hip\"\"}\"\r\n";

    /** {@code osteon-<patient>-<what>-<from>-<to>.csv}: a file name that says whose, what and when. */
    private static String filename(Patient p, String what, LocalDate[] range) {
        return "osteon-" + p.id + "-" + what + "-" + range[0] + "-" + range[1] + ".csv";
    }

    static final String FROM = "first day, in the patient's time zone (2000-01-01 to 2199-12-31); defaults to the "
            + "Monday of the current week, or of to's week";
    static final String TO = "last day, inclusive; defaults to the Sunday of from's week (or of the current week)";

    /** Dates the API answers for ({@link DateParam}). */
    public static final LocalDate EARLIEST = DateParam.EARLIEST, LATEST = DateParam.LATEST;

    /**
     * from..to as asked, each defaulting to the current week in the patient's time zone (Monday to
     * Sunday): with neither, this week; with one, the week that holds it.
     */
    private LocalDate[] range(Patient p, String from, String to) {
        LocalDate f = DateParam.optional("from", from), t = DateParam.optional("to", to);
        LocalDate anchor = f != null ? f : t != null ? t : ProgramService.today(p, clock);
        if (f == null) {
            f = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        if (t == null) {
            t = anchor.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        }
        return new LocalDate[] {f, t};
    }
}
