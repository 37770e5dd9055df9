package org.osteon.report;

import jakarta.annotation.security.RolesAllowed;
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
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.adherence.AdherenceService;
import org.osteon.auth.Roles;
import org.osteon.common.Csv;
import org.osteon.common.DateParam;
import org.osteon.patient.Patient;
import org.osteon.patient.PatientAccess;

/** The bone–brain report: a patient's weeks with bone loading, activity, rhythm, mood, adherence and wear. */
@Path("/api/v1/patients/{patientId}/report")
@Tag(name = "Days and adherence")
@SecurityRequirement(name = "bearer")
public class ReportResource {
    /** Weeks shown when no range is asked for: the current one and the three before. */
    static final int DEFAULT_WEEKS = 4;

    private final ReportService reports;
    private final AdherenceService adherence;
    private final PatientAccess access;
    private final Clock clock;

    public ReportResource(ReportService reports, AdherenceService adherence, PatientAccess access, Clock clock) {
        this.reports = reports;
        this.adherence = adherence;
        this.access = access;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.PATIENT, Roles.PHYSIO})
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(
            summary = "The bone–brain report, week by week",
            description = "Each Monday-to-Sunday week (the patient's time zone) holding from..to, side by side: bone "
                    + "loading (impacts at the prescribed threshold per valid day, by Deere band, osteogenic index, daily "
                    + "stress stimulus, estimated peak ground-reaction force in body weights per activity model where the "
                    + "device's placement has a published equation), activity (MVPA in the prescribed bouts, steps), rhythm (RA, IS, IV over the "
                    + "week), mood (the week's last PHQ-9 or PHQ-8 total and band), adherence per component, and wear. "
                    + "definitions names where each figure is defined, with its parameters. By default the current week "
                    + "and the three before. With Accept: text/csv, one row per week.")
    @APIResponse(
            responseCode = "200",
            description = "the report",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        examples = @ExampleObject(name = "200", value = ReportExamples.REPORT)),
                @Content(
                        mediaType = Csv.MEDIA_TYPE,
                        examples = @ExampleObject(name = "200 text/csv", value = ReportExamples.REPORT_CSV))
            })
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "admins do not read clinical data")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response report(
            @PathParam("patientId") UUID patientId,
            @QueryParam("from") @Parameter(description = "first day (a date); default the Monday three weeks back")
                    String from,
            @QueryParam("to") @Parameter(description = "last day, inclusive; default today") String to,
            @Context HttpHeaders headers) {
        Patient p = access.clinical(patientId, "report");
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(p.timeZone)));
        LocalDate asked = DateParam.optional("to", to);
        LocalDate end = asked != null ? asked : today;
        LocalDate askedFrom = DateParam.optional("from", from);
        LocalDate start = askedFrom != null
                ? askedFrom
                : end.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(DEFAULT_WEEKS - 1L);
        adherence.checkRange(start, end);
        ReportService.Report report = reports.report(p, start, end);
        if (Csv.wanted(headers)) {
            return Csv.download(
                    csv(report.weeks()), "osteon-" + p.id + "-report-" + report.from() + "-" + report.to() + ".csv");
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    static Csv csv(List<WeekReport> weeks) {
        Csv t = new Csv(
                "week_start",
                "week_end",
                "valid_days",
                "impacts_threshold_g",
                "impacts_per_day",
                "impacts_low",
                "impacts_medium",
                "impacts_high",
                "osteogenic_index_per_day",
                "daily_stress_stimulus_per_day",
                "grf_days",
                "grf_walking_running_mean_bw",
                "grf_walking_running_max_bw",
                "grf_jumping_mean_bw",
                "grf_jumping_max_bw",
                "mvpa_bout_minutes",
                "mvpa_bouted_minutes",
                "steps_per_day",
                "ra",
                "is",
                "iv",
                "mood_questionnaire",
                "mood_total",
                "mood_band",
                "mood_answered_at",
                "mood_responses",
                "adherence_overall",
                "adherence_status",
                "adherence_components",
                "wear_hours_per_day",
                "sleep_nights",
                "sleep_duration_minutes_per_night",
                "sleep_midpoint_minutes_after_noon",
                "sleep_midpoint_local_time",
                "sleep_midpoint_sd_minutes");
        for (WeekReport w : weeks) {
            var bands = w.bone().impactsByBand();
            t.add(w.weekStart()).add(w.weekEnd()).add(w.validDays());
            t.add(w.bone().impactsThresholdG()).add(w.bone().impactsPerDay());
            t.add(bands == null ? null : bands.get("low"))
                    .add(bands == null ? null : bands.get("medium"))
                    .add(bands == null ? null : bands.get("high"));
            t.add(w.bone().osteogenicIndexPerDay()).add(w.bone().dailyStressStimulusPerDay());
            WeekReport.PeakGrf grf = w.bone().estimatedPeakGrf();
            WeekReport.PeakGrfModel walking = grfModel(grf, "walking/running");
            WeekReport.PeakGrfModel jumping = grfModel(grf, "jumping");
            t.add(grf == null ? null : grf.days());
            t.add(walking == null ? null : walking.meanBodyWeights())
                    .add(walking == null ? null : walking.maxBodyWeights());
            t.add(jumping == null ? null : jumping.meanBodyWeights())
                    .add(jumping == null ? null : jumping.maxBodyWeights());
            t.add(w.activity().mvpaBoutMinutes())
                    .add(w.activity().mvpaBoutedMinutes())
                    .add(w.activity().stepsPerDay());
            t.add(w.rhythm().ra()).add(w.rhythm().is()).add(w.rhythm().iv());
            t.add(w.mood().questionnaire())
                    .add(w.mood().total())
                    .add(w.mood().band())
                    .add(w.mood().answeredAt())
                    .add(w.mood().responses());
            t.add(w.adherence().overall()).add(w.adherence().status());
            t.add(String.join(
                    " ",
                    w.adherence().components().stream()
                            .map(c -> c.kind() + "=" + (c.ratio() == null ? "" : c.ratio()))
                            .toList()));
            t.add(w.wear().hoursPerDay());
            t.add(w.sleep().nights())
                    .add(w.sleep().durationMinutesPerNight())
                    .add(w.sleep().midpointMinutesAfterNoon())
                    .add(w.sleep().midpointLocalTime())
                    .add(w.sleep().midpointSdMinutes())
                    .end();
        }
        return t;
    }

    private static WeekReport.PeakGrfModel grfModel(WeekReport.PeakGrf grf, String model) {
        return grf == null
                ? null
                : grf.models().stream()
                        .filter(m -> m.model().equals(model))
                        .findFirst()
                        .orElse(null);
    }
}
