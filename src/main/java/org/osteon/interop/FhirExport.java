package org.osteon.interop;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.osteon.engine.ScoredDay;

/**
 * A patient's scored days and questionnaire totals as a FHIR R4 {@code Bundle} of type
 * {@code collection} (docs/interop.md, "FHIR R4"), plain Java on HAPI's model: per valid day one
 * Observation per metric the day has (steps, MVPA minutes, impact peaks at each threshold the day
 * was counted at, osteogenic index, daily stress stimulus), each as the HL7 Physical Activity IG's
 * base profile asks (status final, categories {@code activity} and {@code PhysicalActivity},
 * subject and performer the patient, the local date as {@code effectiveDateTime}, a UCUM
 * {@code valueQuantity}, the device, and the day's wear as the IG's {@code DeviceActivePercentage}
 * component); one {@code survey} Observation per PHQ-9 or PHQ-2 total; and a {@code Device} entry
 * for every device an Observation names.
 *
 * <p>Invariant: the same days, devices and responses give the same entries, ids included, whenever
 * they are asked for; only the Bundle's {@code timestamp} (the export's instant) changes. An
 * Observation's id is a name-based UUID of the patient, the date and the metric (a response's id
 * for a total), so a consumer that imports twice replaces what it imported before.
 */
public final class FhirExport {
    /** The canonical URL of Osteon's own codes, for metrics LOINC has no code for; served at {@code /fhir/CodeSystem/osteon-metrics}. */
    public static final String OSTEON_SYSTEM = "https://osteon.org/fhir/CodeSystem/osteon-metrics";
    /** The Osteon CodeSystem's resource id. */
    public static final String OSTEON_SYSTEM_ID = "osteon-metrics";
    /** Its version: a new code is a new version; a code's meaning never changes. 1.1.0 added {@code valid-days}. */
    public static final String OSTEON_SYSTEM_VERSION = "1.1.0";
    /** The identifier system of Osteon's device ids (the id a device was registered and publishes with). */
    public static final String DEVICE_ID_SYSTEM = "https://osteon.org/fhir/sid/device-id";

    public static final String LOINC = "http://loinc.org";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    /** The Physical Activity IG's temporary codes (STU1, 1.0.0): the PhysicalActivity category and DeviceActivePercentage. */
    public static final String PA_TEMPORARY_CODES =
            "http://hl7.org/fhir/us/physical-activity/CodeSystem/pa-temporary-codes";

    /** The metrics of a day, in the order a day's Observations come. */
    public enum Metric {
        STEPS(LOINC, "41950-7", "Number of steps in 24 hour Measured", "/d", "/d"),
        MVPA_MINUTES(
                LOINC,
                "68516-4",
                "On those days that you engage in moderate to strenuous exercise, how many minutes, on average, do you exercise",
                "min/d",
                "min/d"),
        /** The day's MVPA minutes that were not vigorous; only where the cut points define vigorous. */
        MODERATE_MINUTES(LOINC, "77592-4", "Moderate physical activity [IPAQ]", "min", "min"),
        /** The day's minutes classed vigorous; only where the cut points define vigorous. */
        VIGOROUS_MINUTES(LOINC, "77593-2", "Vigorous physical activity [IPAQ]", "min", "min"),
        IMPACT_PEAKS(OSTEON_SYSTEM, "impact-peaks", "Impact peaks at or above a threshold per day", "/d", "/d"),
        OSTEOGENIC_INDEX(OSTEON_SYSTEM, "osteogenic-index", "Osteogenic index of the day", "1", "1"),
        DAILY_STRESS_STIMULUS(OSTEON_SYSTEM, "daily-stress-stimulus", "Daily stress stimulus", "1", "1"),
        /** A complete week's MVPA minutes over its valid days (never scaled up for unworn days): see {@link #bundle}. */
        WEEKLY_MVPA_MINUTES(
                LOINC, "82290-8", "Frequency of moderate to vigorous aerobic physical activity", "min/wk", "min/wk"),
        /** A complete week's days with recorded resistance sets. */
        STRENGTH_DAYS(LOINC, "82291-6", "Frequency of muscle-strengthening physical activity", "d/wk", "d/wk");

        public final String system;
        public final String code;
        public final String display;
        public final String unit;
        public final String ucum;

        Metric(String system, String code, String display, String unit, String ucum) {
            this.system = system;
            this.code = code;
            this.display = display;
            this.unit = unit;
            this.ucum = ucum;
        }
    }

    /** The Osteon code of the impact peaks' threshold component (in g, UCUM {@code [g]}). */
    public static final String IMPACT_THRESHOLD = "impact-threshold";
    /** The Osteon code of a weekly Observation's component: how many of the week's days were valid (UCUM {@code d}). */
    public static final String VALID_DAYS = "valid-days";

    /** A device of the patient and the time it recorded for them: from {@code from}, until {@code until} (null: still). */
    public record DeviceSpan(String id, String model, Instant from, Instant until) {
        boolean covers(Instant start, Instant end) {
            return from.isBefore(end) && (until == null || until.isAfter(start));
        }
    }

    /** A scored questionnaire: its id, questionnaire ({@code phq-9}), its LOINC total code, total and answer time. */
    public record Total(UUID responseId, String questionnaire, String loincTotal, int total, Instant answeredAt) {}

    private FhirExport() {}

    /**
     * The Bundle of {@code days} (those with at least {@code minWearHours} of wear: the report's
     * valid day) and {@code totals}, stamped {@code createdAt}. A day's Observations name the
     * device that recorded that day (the latest registered when several did); a day no device
     * covers has no device reference. A day without a metric's value has no Observation for it.
     */
    public static Bundle bundle(
            UUID patientId,
            ZoneId zone,
            List<ScoredDay> days,
            double minWearHours,
            List<DeviceSpan> devices,
            List<Total> totals,
            Instant createdAt) {
        return bundle(patientId, zone, days, minWearHours, null, devices, totals, createdAt);
    }

    /**
     * The days {@code from..to} that were read, and how many valid days a week needs for its weekly
     * Observations (docs/interop.md, "Weekly Observations").
     */
    public record Weeks(LocalDate from, LocalDate to, int minValidDays) {}

    /**
     * As {@link #bundle(UUID, ZoneId, List, double, List, List, Instant)}, and with {@code weeks}
     * (null: none) one weekly MVPA Observation (LOINC 82290-8, {@code min/wk}) and one strength-days
     * Observation (LOINC 82291-6, {@code d/wk}) per complete week: Monday to Sunday in the
     * patient's zone, every day of it within {@code weeks.from..weeks.to} (the days were read for
     * it), ended by {@code createdAt} (a week still running is not a week's value yet), and with at
     * least {@code weeks.minValidDays} valid days. The weekly MVPA is the sum of the valid days'
     * MVPA minutes, not scaled up for the days not worn; the strength days are the week's days with
     * recorded resistance sets. Both carry the number of valid days as the component
     * {@code osteon-metrics#valid-days}, and the week's wear as a share of its length (167 to 169
     * hours) as {@code DeviceActivePercentage}.
     */
    public static Bundle bundle(
            UUID patientId,
            ZoneId zone,
            List<ScoredDay> days,
            double minWearHours,
            Weeks weeks,
            List<DeviceSpan> devices,
            List<Total> totals,
            Instant createdAt) {
        Bundle b = new Bundle();
        b.setType(Bundle.BundleType.COLLECTION);
        b.setTimestamp(Date.from(createdAt));
        Reference patient = new Reference("Patient/" + patientId);
        Map<String, DeviceSpan> named = new LinkedHashMap<>();
        List<Observation> observations = new ArrayList<>();
        for (ScoredDay d : days) {
            if (d.wearHours() < minWearHours) {
                continue;
            }
            Instant start = d.date().atStartOfDay(zone).toInstant();
            Instant end = d.date().plusDays(1).atStartOfDay(zone).toInstant();
            DeviceSpan device = devices.stream()
                    .filter(s -> s.covers(start, end))
                    .max(Comparator.comparing(DeviceSpan::from))
                    .orElse(null);
            if (device != null) {
                named.putIfAbsent(device.id(), device);
            }
            double wearPercent =
                    d.wearHours() * 100.0 / (Duration.between(start, end).toMinutes() / 60.0);
            if (d.steps() != null) {
                observations.add(
                        activity(patientId, patient, d.date(), Metric.STEPS, "", d.steps(), device, wearPercent));
            }
            if (d.mvpaMinutes() != null) {
                observations.add(activity(
                        patientId, patient, d.date(), Metric.MVPA_MINUTES, "", d.mvpaMinutes(), device, wearPercent));
            }
            if (d.mvpaMinutes() != null && d.vigorousMinutes() != null) {
                // Moderate is MVPA less vigorous, computed in decimal so that 42.5 − 12.0 is 30.5 exactly.
                BigDecimal vigorous = BigDecimal.valueOf(d.vigorousMinutes());
                observations.add(activity(
                        patientId,
                        patient,
                        d.date(),
                        Metric.MODERATE_MINUTES,
                        "",
                        BigDecimal.valueOf(d.mvpaMinutes()).subtract(vigorous),
                        device,
                        wearPercent));
                observations.add(activity(
                        patientId, patient, d.date(), Metric.VIGOROUS_MINUTES, "", vigorous, device, wearPercent));
            }
            if (d.impactsAtOrAbove() != null) {
                d.impactsAtOrAbove().entrySet().stream()
                        .sorted(Comparator.comparing(e -> new BigDecimal(e.getKey())))
                        .forEach(e -> {
                            Observation o = activity(
                                    patientId,
                                    patient,
                                    d.date(),
                                    Metric.IMPACT_PEAKS,
                                    "/" + e.getKey(),
                                    e.getValue(),
                                    device,
                                    wearPercent);
                            o.addComponent()
                                    .setCode(new CodeableConcept(
                                            new Coding(OSTEON_SYSTEM, IMPACT_THRESHOLD, "Impact peak threshold")))
                                    .setValue(quantity(new BigDecimal(e.getKey()), "g", "[g]"));
                            observations.add(o);
                        });
            }
            if (finite(d.osteogenicIndex())) {
                observations.add(activity(
                        patientId,
                        patient,
                        d.date(),
                        Metric.OSTEOGENIC_INDEX,
                        "",
                        d.osteogenicIndex(),
                        device,
                        wearPercent));
            }
            if (finite(d.dailyStressStimulus())) {
                observations.add(activity(
                        patientId,
                        patient,
                        d.date(),
                        Metric.DAILY_STRESS_STIMULUS,
                        "",
                        d.dailyStressStimulus(),
                        device,
                        wearPercent));
            }
        }
        if (weeks != null) {
            weekly(patientId, patient, zone, days, minWearHours, weeks, devices, createdAt, named, observations);
        }
        for (Total t : totals) {
            observations.add(survey(patient, zone, t));
        }
        for (Observation o : observations) {
            b.addEntry().setFullUrl("urn:uuid:" + o.getIdElement().getIdPart()).setResource(o);
        }
        for (DeviceSpan s : named.values()) {
            Device dev = device(s);
            b.addEntry()
                    .setFullUrl("urn:uuid:" + dev.getIdElement().getIdPart())
                    .setResource(dev);
        }
        return b;
    }

    private static void weekly(
            UUID patientId,
            Reference patient,
            ZoneId zone,
            List<ScoredDay> days,
            double minWearHours,
            Weeks weeks,
            List<DeviceSpan> devices,
            Instant createdAt,
            Map<String, DeviceSpan> named,
            List<Observation> observations) {
        Map<LocalDate, ScoredDay> byDate = new LinkedHashMap<>();
        for (ScoredDay d : days) {
            byDate.put(d.date(), d);
        }
        LocalDate monday = weeks.from().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        for (; !monday.plusDays(6).isAfter(weeks.to()); monday = monday.plusWeeks(1)) {
            Instant start = monday.atStartOfDay(zone).toInstant();
            Instant end = monday.plusWeeks(1).atStartOfDay(zone).toInstant();
            if (end.isAfter(createdAt)) {
                break;
            }
            int valid = 0;
            int strengthDays = 0;
            double wearHours = 0;
            BigDecimal mvpa = BigDecimal.ZERO;
            boolean mvpaOnEveryValidDay = true;
            for (int i = 0; i < 7; i++) {
                ScoredDay d = byDate.get(monday.plusDays(i));
                if (d == null) {
                    continue;
                }
                wearHours += d.wearHours();
                if (d.resistanceSessions() != null && d.resistanceSessions() > 0) {
                    strengthDays++;
                }
                if (d.wearHours() >= minWearHours) {
                    valid++;
                    if (d.mvpaMinutes() == null) {
                        mvpaOnEveryValidDay = false;
                    } else {
                        mvpa = mvpa.add(BigDecimal.valueOf(d.mvpaMinutes()));
                    }
                }
            }
            if (valid < weeks.minValidDays()) {
                continue;
            }
            DeviceSpan device = devices.stream()
                    .filter(s -> s.covers(start, end))
                    .max(Comparator.comparing(DeviceSpan::from))
                    .orElse(null);
            if (device != null) {
                named.putIfAbsent(device.id(), device);
            }
            double wearPercent =
                    wearHours * 100.0 / (Duration.between(start, end).toMinutes() / 60.0);
            Period period = new Period()
                    .setStartElement(new DateTimeType(monday.toString()))
                    .setEndElement(new DateTimeType(monday.plusDays(6).toString()));
            if (mvpaOnEveryValidDay) {
                Observation o = activity(
                        patientId, patient, monday, Metric.WEEKLY_MVPA_MINUTES, "/week", mvpa, device, wearPercent);
                observations.add(weekOf(o, period, valid));
            }
            Observation s = activity(
                    patientId, patient, monday, Metric.STRENGTH_DAYS, "/week", strengthDays, device, wearPercent);
            observations.add(weekOf(s, period, valid));
        }
    }

    private static Observation weekOf(Observation o, Period period, int validDays) {
        o.setEffective(period.copy());
        o.addComponent()
                .setCode(new CodeableConcept(new Coding(OSTEON_SYSTEM, VALID_DAYS, "Valid days of the week")))
                .setValue(quantity(BigDecimal.valueOf(validDays), "d", "d"));
        return o;
    }

    private static Observation activity(
            UUID patientId,
            Reference patient,
            LocalDate date,
            Metric m,
            String variant,
            Number value,
            DeviceSpan device,
            double wearPercent) {
        Observation o = new Observation();
        o.setId(uuid(patientId + "/" + date + "/" + m.system + "|" + m.code + variant));
        o.setStatus(ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding(OBSERVATION_CATEGORY, "activity", "Activity")));
        o.addCategory(new CodeableConcept(new Coding(PA_TEMPORARY_CODES, "PhysicalActivity", "Physical Activity")));
        o.setCode(new CodeableConcept(new Coding(m.system, m.code, m.display)));
        o.setSubject(patient.copy());
        o.addPerformer(patient.copy());
        o.setEffective(new DateTimeType(date.toString()));
        o.setValue(quantity(decimal(value), m.unit, m.ucum));
        if (device != null) {
            o.setDevice(new Reference("urn:uuid:" + deviceUuid(device.id())));
        }
        o.addComponent()
                .setCode(new CodeableConcept(
                        new Coding(PA_TEMPORARY_CODES, "DeviceActivePercentage", "Device Active Percentage")))
                .setValue(quantity(BigDecimal.valueOf(wearPercent).setScale(1, RoundingMode.HALF_UP), "%", "%"));
        return o;
    }

    private static Observation survey(Reference patient, ZoneId zone, Total t) {
        Observation o = new Observation();
        o.setId(uuid("response/" + t.responseId() + "/total"));
        o.setStatus(ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding(OBSERVATION_CATEGORY, "survey", "Survey")));
        o.setCode(new CodeableConcept(new Coding(LOINC, t.loincTotal(), t.questionnaire() + " total score")));
        o.setSubject(patient.copy());
        o.addPerformer(patient.copy());
        DateTimeType at =
                new DateTimeType(Date.from(t.answeredAt()), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone(zone));
        o.setEffective(at);
        o.setValue(quantity(BigDecimal.valueOf(t.total()), "{score}", "{score}"));
        return o;
    }

    private static Device device(DeviceSpan s) {
        Device d = new Device();
        d.setId(deviceUuid(s.id()));
        d.addIdentifier(new Identifier().setSystem(DEVICE_ID_SYSTEM).setValue(s.id()));
        d.setStatus(s.until() == null ? Device.FHIRDeviceStatus.ACTIVE : Device.FHIRDeviceStatus.INACTIVE);
        if (s.model() != null && !s.model().isBlank()) {
            d.addDeviceName().setName(s.model()).setType(Device.DeviceNameType.MODELNAME);
        }
        return d;
    }

    /** Osteon's CodeSystem for the metrics LOINC has no code for, each defined by a section of docs/metrics.md. */
    public static CodeSystem codeSystem() {
        CodeSystem cs = new CodeSystem();
        cs.setId(OSTEON_SYSTEM_ID);
        cs.setUrl(OSTEON_SYSTEM);
        cs.setVersion(OSTEON_SYSTEM_VERSION);
        cs.setName("OsteonMetrics");
        cs.setTitle("Osteon metrics");
        cs.setStatus(PublicationStatus.ACTIVE);
        cs.setCaseSensitive(true);
        cs.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        cs.setPublisher("Osteon");
        cs.setDescription("Metrics of wearable accelerometry on the bone-brain axis that LOINC has no code for, "
                + "as Osteon computes them; definitions in the project's docs/metrics.md.");
        cs.addConcept()
                .setCode(Metric.IMPACT_PEAKS.code)
                .setDisplay(Metric.IMPACT_PEAKS.display)
                .setDefinition("Impact peaks of the day at or above the threshold the Observation's impact-threshold "
                        + "component gives, in g (docs/metrics.md §4, Impact peaks and Impact bands).");
        cs.addConcept()
                .setCode(IMPACT_THRESHOLD)
                .setDisplay("Impact peak threshold")
                .setDefinition(
                        "The threshold, in g, at or above which impact peaks were counted (docs/metrics.md §4).");
        cs.addConcept()
                .setCode(Metric.OSTEOGENIC_INDEX.code)
                .setDisplay(Metric.OSTEOGENIC_INDEX.display)
                .setDefinition("Osteogenic index after Turner & Robling 2003 over the day's impact peaks and "
                        + "resistance sets, dimensionless (docs/metrics.md §4, Osteogenic index).");
        cs.addConcept()
                .setCode(Metric.DAILY_STRESS_STIMULUS.code)
                .setDisplay(Metric.DAILY_STRESS_STIMULUS.display)
                .setDefinition("Daily stress stimulus after Carter 1987 and Whalen 1988 over the day's impact peaks, "
                        + "in the peaks' own unit (g, or body weights from insoles), exported as a number "
                        + "(docs/metrics.md §4, Daily stress stimulus).");
        cs.addConcept()
                .setCode(VALID_DAYS)
                .setDisplay("Valid days of the week")
                .setDefinition("How many of a week's seven local days were valid days (at least "
                        + "osteon.adherence.min-wear-hours of wear), the days a weekly Observation's value is taken "
                        + "over, in days (UCUM d). Added in version 1.1.0.");
        return cs;
    }

    private static Quantity quantity(BigDecimal value, String unit, String ucum) {
        Quantity q = new Quantity();
        q.setValue(value);
        q.setUnit(unit);
        q.setSystem(UCUM);
        q.setCode(ucum);
        return q;
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal b) {
            return b;
        }
        return n instanceof Integer i ? BigDecimal.valueOf(i.longValue()) : BigDecimal.valueOf(n.doubleValue());
    }

    private static boolean finite(Double d) {
        return d != null && Double.isFinite(d);
    }

    private static String deviceUuid(String deviceId) {
        return uuid("device/" + deviceId);
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
