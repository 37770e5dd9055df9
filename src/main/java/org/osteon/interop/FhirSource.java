package org.osteon.interop;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.osteon.adherence.AdherenceConfig;
import org.osteon.adherence.AdherenceService;
import org.osteon.device.Device;
import org.osteon.interop.FhirExport.DeviceSpan;
import org.osteon.interop.FhirExport.Total;
import org.osteon.mood.MoodService;
import org.osteon.mood.Questionnaire;
import org.osteon.mood.Questionnaires;
import org.osteon.patient.Patient;

/**
 * What the FHIR export and the FHIR search read: a patient's days, devices and questionnaire totals
 * over a range of local days, built into Observations once, by {@link FhirExport}. The caller has
 * checked access; {@link AdherenceService#shown} checks the range before anything is read.
 */
@ApplicationScoped
public class FhirSource {
    private final AdherenceService adherence;
    private final AdherenceConfig adherenceConfig;
    private final InteropConfig config;
    private final MoodService mood;
    private final Questionnaires questionnaires;
    private final Clock clock;

    public FhirSource(
            AdherenceService adherence,
            AdherenceConfig adherenceConfig,
            InteropConfig config,
            MoodService mood,
            Questionnaires questionnaires,
            Clock clock) {
        this.adherence = adherence;
        this.adherenceConfig = adherenceConfig;
        this.config = config;
        this.mood = mood;
        this.questionnaires = questionnaires;
        this.clock = clock;
    }

    /** The export's Bundle (type collection) of {@code p}'s days {@code start..end}, weekly Observations included. */
    public Bundle export(Patient p, LocalDate start, LocalDate end) {
        ZoneId zone = ZoneId.of(p.timeZone);
        var days = adherence.shown(p, start, end);
        List<DeviceSpan> devices = Device.listByPatient(p.id).stream()
                .map(d -> new DeviceSpan(d.id, d.model, d.dataFrom, d.revokedAt))
                .toList();
        List<Total> totals = mood
                .history(
                        p,
                        start.atStartOfDay(zone).toInstant(),
                        end.plusDays(1).atStartOfDay(zone).toInstant())
                .stream()
                .flatMap(r -> questionnaires
                        .version(r.questionnaire(), r.version())
                        .map(Questionnaire::loinc)
                        .map(Questionnaire.Loinc::total)
                        .map(code -> new Total(r.id(), r.questionnaire(), code, r.total(), r.answeredAt()))
                        .stream())
                .toList();
        return FhirExport.bundle(
                p.id,
                zone,
                days,
                adherenceConfig.minWearHours(),
                new FhirExport.Weeks(start, end, config.weekMinValidDays()),
                devices,
                totals,
                clock.instant());
    }

    /** Today in the patient's zone. */
    public LocalDate today(Patient p) {
        return LocalDate.now(clock.withZone(ZoneId.of(p.timeZone)));
    }

    public int maxRangeDays() {
        return adherenceConfig.maxRangeDays();
    }

    public int searchDefaultDays() {
        return config.searchDefaultDays();
    }
}
