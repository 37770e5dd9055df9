package org.osteon.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.osteon.common.ApiException;
import org.osteon.patient.Patient;
import org.osteon.patient.PatientAccess;
import org.osteon.rtm.RtmDtos.RtmEvidence;
import org.osteon.rtm.RtmDtos.TimeEntryRequest;
import org.osteon.rtm.RtmService;

/**
 * A patient's RTM evidence for the console (docs/rtm.md, docs/console.md "RTM"): the evidence API's
 * answer ({@link RtmService#evidence}) over the current month and the two before, shown as it is,
 * and logging monitoring time through the same service call as the API's
 * {@code POST .../rtm/time} (its checks, its rules). Times are the patient's local times.
 */
@ApplicationScoped
public class PatientRtm {
    /** Months shown: the current one and the two before, enough for the previous claim's month. */
    static final int MONTHS = 3;

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PatientAccess access;
    private final RtmService rtm;
    private final Clock clock;

    public PatientRtm(PatientAccess access, RtmService rtm, Clock clock) {
        this.access = access;
        this.rtm = rtm;
        this.clock = clock;
    }

    public record PeriodRow(
            int number, String start, String end, String status, int daysWithData, String verdict, String code) {}

    public record EpisodeRow(
            String id,
            String start,
            String end,
            String setUpCode,
            boolean setUpEligible,
            int firstPeriodDaysWithData,
            List<PeriodRow> periods) {}

    public record EntryRow(String start, String end, long minutes, String activity, boolean interactive) {}

    public record MonthRow(
            String month,
            String status,
            int minutes,
            boolean liveInteraction,
            String verdict,
            String codes,
            List<EntryRow> entries) {}

    /** What the form sent back, and the API's refusal at its field, if any. */
    public record Form(String start, String end, String activity, boolean interactive, String field, String error) {
        static Form empty() {
            return new Form("", "", "", false, null, null);
        }
    }

    public record Model(
            String patientId,
            String name,
            String timeZone,
            String today,
            String from,
            String to,
            List<EpisodeRow> episodes,
            List<MonthRow> months,
            Form form) {}

    /** The page; an unknown patient and another physiotherapist's are refused with the API's 404. */
    public Model of(UUID patientId, Form form) {
        Patient p = access.clinical(patientId, "rtm");
        ZoneId zone = ZoneId.of(p.timeZone);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate from = today.withDayOfMonth(1).minusMonths(MONTHS - 1L);
        RtmEvidence e = rtm.evidence(p, from, today);
        List<EpisodeRow> episodes = e.episodes().stream()
                .map(ep -> new EpisodeRow(
                        ep.id().toString(),
                        ep.start().toString(),
                        ep.end() == null ? "" : ep.end().toString(),
                        ep.setUp().code(),
                        ep.setUp().eligible(),
                        ep.setUp().firstPeriodDaysWithData(),
                        ep.periods().stream()
                                .map(pe -> new PeriodRow(
                                        pe.number(),
                                        pe.start().toString(),
                                        pe.end().toString(),
                                        pe.status(),
                                        pe.daysWithData(),
                                        pe.verdict(),
                                        pe.code() == null ? "" : pe.code()))
                                .toList()))
                .toList();
        List<MonthRow> months = e.months().stream()
                .map(m -> new MonthRow(
                        m.month(),
                        m.status(),
                        m.minutes(),
                        m.liveInteraction(),
                        m.verdict(),
                        m.codes().stream()
                                .map(u -> u.units() == 1 ? u.code() : u.code() + " ×" + u.units())
                                .collect(Collectors.joining(" + ")),
                        m.entries().stream()
                                .map(t -> new EntryRow(
                                        LOCAL.format(t.start().atZone(zone)),
                                        LOCAL.format(t.end().atZone(zone)),
                                        t.seconds() / 60,
                                        t.activity(),
                                        t.interactive()))
                                .toList()))
                .toList();
        return new Model(
                p.id.toString(),
                p.displayName,
                p.timeZone,
                today.toString(),
                from.toString(),
                today.toString(),
                episodes,
                months,
                form == null ? Form.empty() : form);
    }

    /**
     * Logs the form's entry as the API does: only the assigned physiotherapist ({@link
     * PatientAccess#change}), the service's checks. {@code start} and {@code end} are local times
     * ({@code 2026-12-04T09:30}, as a datetime-local field sends them) in the patient's zone.
     *
     * @throws ApiException 400 naming the field the API names, 404 for another physiotherapist's patient
     */
    public void log(UUID patientId, String start, String end, String activity, boolean interactive) {
        var physio = access.registeredPhysio();
        Patient p = access.change(patientId);
        ZoneId zone = ZoneId.of(p.timeZone);
        rtm.log(
                p,
                new TimeEntryRequest(local("start", start, zone), local("end", end, zone), activity, interactive),
                physio);
    }

    private static java.time.Instant local(String field, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            throw ApiException.badField(field, "is required: a local date and time such as 2026-12-04T09:30");
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badField(
                    field,
                    "must be a local date and time such as 2026-12-04T09:30, was '"
                            + org.osteon.common.Text.printable(value, 40) + "'");
        }
    }
}
