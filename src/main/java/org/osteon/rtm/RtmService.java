package org.osteon.rtm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.osteon.audit.AuditLog;
import org.osteon.common.ApiException;
import org.osteon.common.DateParam;
import org.osteon.patient.Patient;
import org.osteon.physio.Physiotherapist;
import org.osteon.rtm.RtmDtos.EpisodeEndRequest;
import org.osteon.rtm.RtmDtos.EpisodeEvidence;
import org.osteon.rtm.RtmDtos.EpisodeRequest;
import org.osteon.rtm.RtmDtos.EpisodeView;
import org.osteon.rtm.RtmDtos.MonthEvidence;
import org.osteon.rtm.RtmDtos.PeriodEvidence;
import org.osteon.rtm.RtmDtos.RtmEvidence;
import org.osteon.rtm.RtmDtos.SetUp;
import org.osteon.rtm.RtmDtos.TimeEntryRequest;
import org.osteon.rtm.RtmDtos.TimeEntryView;
import org.osteon.rtm.RtmRepository.Episode;
import org.osteon.rtm.RtmRules.Period;

/** Episodes, time entries and the evidence read from them and the patient's scored days (docs/rtm.md). */
@ApplicationScoped
@Transactional
public class RtmService {
    /** An episode was started; detail: its id, start and end. */
    static final String EPISODE_STARTED = "rtm.episode_started";
    /** An episode was ended; detail: its id, start and the end given. */
    static final String EPISODE_ENDED = "rtm.episode_ended";
    /** A time entry was deleted; detail: its id, times and whether it was live; never its activity text. */
    static final String TIME_DELETED = "rtm.time_entry_deleted";

    /** Days the API answers for, as elsewhere in the API. */
    static final LocalDate EARLIEST = DateParam.EARLIEST, LATEST = DateParam.LATEST;

    private final RtmRepository repo;
    private final RtmConfig config;
    private final AuditLog audit;
    private final Clock clock;

    public RtmService(RtmRepository repo, RtmConfig config, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    static LocalDate today(Patient p, Clock clock) {
        return LocalDate.now(clock.withZone(ZoneId.of(p.timeZone)));
    }

    /** Starts an episode; 400 naming start or end when they are missing, reversed or ahead; 409 on overlap. */
    public EpisodeView startEpisode(Patient p, EpisodeRequest body, Physiotherapist physio) {
        if (body == null || body.start() == null) {
            throw ApiException.badField("start", "is required (a date such as 2026-03-02)");
        }
        LocalDate today = today(p, clock);
        if (body.start().isAfter(today)) {
            throw ApiException.badField("start", "must not be after today (" + today + " in the patient's time zone)");
        }
        if (body.start().isBefore(EARLIEST)) {
            throw ApiException.badField("start", "must not be before " + EARLIEST);
        }
        if (body.end() != null && body.end().isBefore(body.start())) {
            throw ApiException.badField("end", "must not be before start");
        }
        if (body.end() != null && body.end().isAfter(LATEST)) {
            throw ApiException.badField("end", "must not be after " + LATEST);
        }
        repo.lockPatient(p.id);
        for (Episode e : repo.episodes(p.id)) {
            if (e.overlaps(body.start(), body.end())) {
                throw ApiException.conflict(
                        "start",
                        "overlaps the episode from " + e.start() + " to " + (e.end() == null ? "open" : e.end())
                                + "; a patient's episodes never overlap");
            }
        }
        Episode e = new Episode(UUID.randomUUID(), body.start(), body.end(), physio.subject, Instant.now(clock));
        repo.insertEpisode(p.id, e);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("episodeId", e.id().toString());
        detail.put("start", e.start().toString());
        detail.put("end", e.end() == null ? null : e.end().toString());
        audit.record(EPISODE_STARTED, p.id, null, detail);
        return new EpisodeView(e.id(), e.start(), e.end(), e.createdBy(), e.createdAt());
    }

    /**
     * Ends a running episode on {@code body.end} (inclusive): 400 naming end when it is missing,
     * before the start or after today; 404 for no such episode of the patient; 409 naming end when
     * the episode already ended, or when time was logged on a day after the end (those entries
     * would lie outside every episode: delete them first). Audited as {@code rtm.episode_ended}.
     */
    public EpisodeView endEpisode(Patient p, UUID episodeId, EpisodeEndRequest body) {
        if (body == null || body.end() == null) {
            throw ApiException.badField("end", "is required (a date such as 2026-03-02)");
        }
        LocalDate today = today(p, clock);
        if (body.end().isAfter(today)) {
            throw ApiException.badField("end", "must not be after today (" + today + " in the patient's time zone)");
        }
        repo.lockPatient(p.id);
        Episode e = repo.episodes(p.id).stream()
                .filter(x -> x.id().equals(episodeId))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("rtm episode", episodeId));
        if (body.end().isBefore(e.start())) {
            throw ApiException.badField("end", "must not be before the episode's start, " + e.start());
        }
        if (e.end() != null) {
            throw ApiException.conflict("end", "the episode already ended on " + e.end());
        }
        ZoneId zone = ZoneId.of(p.timeZone);
        int after = repo.entries(
                        p.id,
                        body.end().plusDays(1).atStartOfDay(zone).toInstant(),
                        today.plusDays(2).atStartOfDay(zone).toInstant())
                .size();
        if (after > 0) {
            throw ApiException.conflict(
                    "end",
                    after + " time entries start after " + body.end()
                            + " and would lie outside the episode; delete them first");
        }
        if (!repo.endEpisode(p.id, episodeId, body.end())) {
            throw ApiException.conflict("end", "the episode already ended");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("episodeId", e.id().toString());
        detail.put("start", e.start().toString());
        detail.put("end", body.end().toString());
        audit.record(EPISODE_ENDED, p.id, null, detail);
        return new EpisodeView(e.id(), e.start(), body.end(), e.createdBy(), e.createdAt());
    }

    /** Logs an entry after {@link TimeEntries#check}. */
    public TimeEntryView log(Patient p, TimeEntryRequest body, Physiotherapist physio) {
        if (body == null) {
            throw ApiException.badField("start", "is required: the body is a time entry");
        }
        TimeEntries.check(body, Instant.now(clock), config, ZoneId.of(p.timeZone), repo.episodes(p.id));
        TimeEntryView e = new TimeEntryView(
                UUID.randomUUID(),
                body.start(),
                body.end(),
                java.time.Duration.between(body.start(), body.end()).getSeconds(),
                TimeEntries.activity(body.activity()),
                body.interactive(),
                physio.id,
                Instant.now(clock));
        repo.insertEntry(p.id, e);
        return e;
    }

    /** Deletes an entry logged in error, audited; 404 when the patient has no such entry. */
    public void delete(Patient p, UUID entryId) {
        TimeEntryView e = repo.entry(p.id, entryId).orElseThrow(() -> ApiException.notFound("time entry", entryId));
        repo.deleteEntry(p.id, entryId);
        audit.record(
                TIME_DELETED,
                p.id,
                null,
                Map.of(
                        "entryId", entryId.toString(),
                        "start", e.start().toString(),
                        "end", e.end().toString(),
                        "interactive", e.interactive(),
                        "physiotherapistId", e.physiotherapistId().toString()));
    }

    /** Refuses a reversed or too long range, naming the parameter. */
    void checkRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ApiException.badField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > config.maxRangeDays()) {
            throw ApiException.badField("to", "the range may span at most " + config.maxRangeDays() + " days");
        }
    }

    /**
     * The evidence over from..to: the episodes that overlap it with their periods that overlap it
     * (each whole), and every calendar month that overlaps it with its entries.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RtmEvidence evidence(Patient p, LocalDate from, LocalDate to) {
        checkRange(from, to);
        ZoneId zone = ZoneId.of(p.timeZone);
        LocalDate today = today(p, clock);
        List<EpisodeEvidence> episodes = new ArrayList<>();
        for (Episode e : repo.episodes(p.id)) {
            if (e.overlaps(from, to)) {
                episodes.add(episode(p, e, today, from, to));
            }
        }
        YearMonth first = YearMonth.from(from), last = YearMonth.from(to);
        List<TimeEntryView> entries = repo.entries(
                p.id,
                first.atDay(1).atStartOfDay(zone).toInstant(),
                last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        List<RtmRules.TimeEntry> times = entries.stream()
                .map(t -> new RtmRules.TimeEntry(t.start(), t.end(), t.interactive()))
                .toList();
        YearMonth now = YearMonth.from(today);
        List<MonthEvidence> months = RtmRules.months(times, zone, first, last).stream()
                .map(m -> new MonthEvidence(
                        m.month().toString(),
                        m.month().isBefore(now) ? "complete" : m.month().equals(now) ? "running" : "not_started",
                        m.minutes(),
                        m.liveInteraction(),
                        m.verdict().name(),
                        m.verdict().codes(),
                        entries.stream()
                                .filter(t ->
                                        YearMonth.from(t.start().atZone(zone)).equals(m.month()))
                                .toList()))
                .toList();
        return new RtmEvidence(p.id, p.timeZone, today, from, to, episodes, months, RtmRules.parameters());
    }

    private EpisodeEvidence episode(Patient p, Episode e, LocalDate today, LocalDate from, LocalDate to) {
        LocalDate last = e.end() == null || today.isBefore(e.end()) ? today : e.end();
        List<LocalDate> dates = last.isBefore(e.start()) ? List.of() : repo.datesWithData(p.id, e.start(), last);
        List<Period> periods = RtmRules.periods(e.start(), e.end(), today, dates);
        SetUp setUp = new SetUp(
                RtmRules.SETUP,
                RtmRules.setUp(periods),
                periods.isEmpty() ? 0 : periods.get(0).datesWithData().size());
        List<PeriodEvidence> shown = periods.stream()
                .filter(q -> !q.end().isBefore(from) && !q.start().isAfter(to))
                .map(q -> new PeriodEvidence(
                        q.number(),
                        q.start(),
                        q.end(),
                        q.status().name(),
                        q.datesWithData().size(),
                        q.datesWithData(),
                        q.verdict().name(),
                        q.verdict().code().orElse(null)))
                .toList();
        return new EpisodeEvidence(e.id(), e.start(), e.end(), setUp, shown);
    }
}
