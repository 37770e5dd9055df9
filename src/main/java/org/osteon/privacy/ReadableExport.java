package org.osteon.privacy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.osteon.adherence.AdherenceCsv;
import org.osteon.adherence.AdherenceResults.WeekAdherence;
import org.osteon.adherence.AdherenceService;
import org.osteon.adherence.DaySummaryRepository;
import org.osteon.adherence.PatientDataResource;
import org.osteon.alert.AlertRepository;
import org.osteon.alert.AlertView;
import org.osteon.common.ApiException;
import org.osteon.common.Csv;
import org.osteon.common.Json;
import org.osteon.device.Device;
import org.osteon.device.DeviceDtos.DeviceView;
import org.osteon.device.DeviceViews;
import org.osteon.engine.ScoredDay;
import org.osteon.patient.Patient;
import org.osteon.patient.PatientDtos.PatientView;
import org.osteon.program.Component;
import org.osteon.program.ProgramDtos.ProgramVersionView;
import org.osteon.program.ProgramRepository;
import org.osteon.program.ProgramService;

/**
 * A patient's data in a form a person can read (right of access): their record, devices, scored
 * days, weekly adherence, program history and alerts, as the API shows them, as one JSON document
 * or as a zip of CSV files, one per section. Raw samples, receipts and ingest bookkeeping are left
 * out: the administrators' export ({@link PatientDataService#export}) has every row.
 */
@ApplicationScoped
public class ReadableExport {
    public static final String ZIP = "application/zip";
    /** The files of the zip, in order, each with what a reader finds in it. */
    static final Map<String, String> FILES = files();

    private final DaySummaryRepository days;
    private final AdherenceService adherence;
    private final ProgramRepository programs;
    private final AlertRepository alerts;
    private final DeviceViews devices;
    private final ObjectMapper json;
    private final Clock clock;

    public ReadableExport(
            DaySummaryRepository days,
            AdherenceService adherence,
            ProgramRepository programs,
            AlertRepository alerts,
            DeviceViews devices,
            ObjectMapper json,
            Clock clock) {
        this.days = days;
        this.adherence = adherence;
        this.programs = programs;
        this.alerts = alerts;
        this.devices = devices;
        this.json = json;
        this.clock = clock;
    }

    /** The export: each section in full, oldest first, but alerts newest first as in the API. */
    @Schema(name = "ReadableExport")
    public record Export(
            UUID patientId,
            Instant exportedAt,
            PatientView profile,
            List<DeviceView> devices,

            @Schema(description = "every scored day, as GET .../days answers")
            List<ScoredDay> days,

            @Schema(
                    description = "the weeks from the first scored day or program version to the last scored day "
                            + "or this week, as GET .../adherence?by=week answers")
            List<WeekAdherence> weeklyAdherence,

            @Schema(description = "every program version, oldest first, with its reason and dates")
            List<ProgramVersionView> programVersions,

            @Schema(description = "every alert raised about the patient, newest first")
            List<AlertView> alerts) {}

    /** Reads everything in one transaction, so that the sections agree with each other. */
    @Transactional
    public Export of(Patient patient) {
        List<ScoredDay> scored = days.between(patient.id, PatientDataResource.EARLIEST, PatientDataResource.LATEST);
        List<ProgramVersionView> versions = programs.versions(patient.id, Integer.MAX_VALUE, 0).stream()
                .sorted(Comparator.comparingInt(ProgramVersionView::version))
                .toList();
        return new Export(
                patient.id,
                clock.instant().truncatedTo(ChronoUnit.SECONDS),
                PatientView.of(patient),
                Device.listByPatient(patient.id).stream()
                        .sorted(Comparator.comparing((Device d) -> d.registeredAt)
                                .thenComparing(d -> d.id))
                        .map(devices::of)
                        .toList(),
                scored.stream().map(ScoredDay::shown).toList(),
                weeks(patient, scored, versions),
                versions,
                alerts.list(patient.id, null, null, Integer.MAX_VALUE, 0));
    }

    /** The weeks from the first day with data or a program to the last scored day or today, whichever is later. */
    private List<WeekAdherence> weeks(Patient patient, List<ScoredDay> scored, List<ProgramVersionView> versions) {
        LocalDate first = Stream.concat(
                        scored.stream().map(ScoredDay::date), versions.stream().map(ProgramVersionView::effectiveFrom))
                .min(Comparator.naturalOrder())
                .orElse(null);
        if (first == null) {
            return List.of();
        }
        LocalDate last = Stream.of(
                        first,
                        ProgramService.today(patient, clock),
                        scored.isEmpty() ? first : scored.get(scored.size() - 1).date())
                .max(Comparator.naturalOrder())
                .get();
        return adherence.weeks(
                patient, first, last.isAfter(PatientDataResource.LATEST) ? PatientDataResource.LATEST : last);
    }

    /** The JSON or CSV-zip answer ({@code format} json, the default, or csv), to be saved as a file. */
    @Transactional
    public Response answer(Patient patient, String format) {
        String f = format == null || format.isBlank() ? "json" : format;
        if (!f.equals("json") && !f.equals("csv")) {
            throw ApiException.badField("format", "must be json or csv");
        }
        Export e = of(patient);
        String name = "osteon-" + patient.id + "-export-" + LocalDate.ofInstant(e.exportedAt(), ZoneOffset.UTC);
        if (f.equals("csv")) {
            return Response.ok(zip(e), ZIP)
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".zip\"")
                    .build();
        }
        return Response.ok(e, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".json\"")
                .build();
    }

    /** The export as a zip of CSV files, one per section, and a README that says what each holds. */
    public byte[] zip(Export e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entry(zip, "README.txt", readme(e).getBytes(StandardCharsets.UTF_8));
            entry(zip, "profile.csv", profile(e.profile()).bytes());
            entry(zip, "devices.csv", devices(e.devices()).bytes());
            entry(zip, "days.csv", AdherenceCsv.days(e.days(), json).bytes());
            entry(
                    zip,
                    "weekly_adherence.csv",
                    AdherenceCsv.byWeek(e.weeklyAdherence()).bytes());
            entry(
                    zip,
                    "program_versions.csv",
                    programVersions(e.programVersions()).bytes());
            entry(zip, "alerts.csv", alerts(e.alerts()).bytes());
        } catch (IOException ex) {
            throw new UncheckedIOException("the export could not be zipped", ex);
        }
        return bytes.toByteArray();
    }

    private void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        // The service's clock, not the system's, which ZipOutputStream would take.
        entry.setTime(clock.millis());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    private static String readme(Export e) {
        StringBuilder s = new StringBuilder("Osteon: the data held about patient " + e.patientId() + ", exported at "
                + e.exportedAt() + ".\r\n\r\nEach file is CSV (RFC 4180, UTF-8, comma-separated); an empty field is "
                + "a value that is not known, not zero. Dates are the patient's local dates, times are UTC.\r\n\r\n");
        FILES.forEach((name, what) -> s.append(name).append(": ").append(what).append("\r\n"));
        return s.toString();
    }

    static Csv profile(PatientView p) {
        return new Csv("patient_id", "display_name", "time_zone", "body_mass_kg", "created_at")
                .add(p.id())
                .add(p.displayName())
                .add(p.timeZone())
                .add(p.bodyMassKg())
                .add(p.createdAt())
                .end();
    }

    static Csv devices(List<DeviceView> devices) {
        Csv csv = new Csv("device_id", "placement", "range_g", "model", "registered_at", "revoked_at");
        for (DeviceView d : devices) {
            csv.add(d.deviceId())
                    .add(d.placement() == null ? null : d.placement().apiName())
                    .add(d.rangeG())
                    .add(d.model())
                    .add(d.registeredAt())
                    .add(d.revokedAt())
                    .end();
        }
        return csv;
    }

    Csv programVersions(List<ProgramVersionView> versions) {
        Csv csv = new Csv(
                "version",
                "effective_from",
                "created_at",
                "author_role",
                "author_subject",
                "template_id",
                "reason",
                "components");
        for (ProgramVersionView v : versions) {
            csv.add(v.version())
                    .add(v.effectiveFrom())
                    .add(v.createdAt())
                    .add(v.author() == null ? null : v.author().role())
                    .add(v.author() == null ? null : v.author().subject())
                    .add(v.templateId())
                    .add(v.reason())
                    .add(components(v.components()))
                    .end();
        }
        return csv;
    }

    Csv alerts(List<AlertView> list) {
        Csv csv = new Csv(
                "raised_at",
                "rule",
                "metric",
                "status",
                "message",
                "acknowledged_by",
                "acknowledged_at",
                "acknowledgement_note",
                "resolved_at",
                "resolution",
                "details");
        for (AlertView a : list) {
            csv.add(a.raisedAt())
                    .add(a.rule())
                    .add(a.metric())
                    .add(a.status())
                    .add(a.message())
                    .add(a.acknowledgedBy())
                    .add(a.acknowledgedAt())
                    .add(a.acknowledgementNote())
                    .add(a.resolvedAt())
                    .add(a.resolution())
                    .add(a.details() == null ? null : Json.write(json, a.details(), "a stored value"))
                    .end();
        }
        return csv;
    }

    private String components(List<Component> components) {
        return components == null
                ? null
                : Json.write(json.writerFor(new TypeReference<List<Component>>() {}), components, "a stored value");
    }

    private static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("profile.csv", "the patient record: display name, time zone, body mass, when registered");
        files.put("devices.csv", "the sensors registered to the patient, and when they were revoked");
        files.put(
                "days.csv",
                "one row per scored day: wear time, activity, steps, impacts, bone-loading scores, "
                        + "sedentary time, circadian measures, and how they were computed (provenance)");
        files.put("weekly_adherence.csv", "one row per week and program component: target, achieved, ratio, status");
        files.put(
                "program_versions.csv",
                "every version of the exercise program, with who prescribed it, why, "
                        + "from when, and its components");
        files.put("alerts.csv", "alerts the service raised to the physiotherapist about the patient");
        return files;
    }
}
