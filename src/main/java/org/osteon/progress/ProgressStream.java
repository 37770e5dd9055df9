package org.osteon.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.osteon.adherence.AdherenceResults.DayAdherence;
import org.osteon.adherence.AdherenceService;
import org.osteon.common.ApiException;
import org.osteon.common.Jdbc;
import org.osteon.common.Json;
import org.osteon.common.Text;
import org.osteon.engine.DayNotices;
import org.osteon.engine.ScoredDay;
import org.osteon.patient.Patient;
import org.osteon.patient.PatientAccess;

/**
 * A patient's progress as server-sent events: each changed day with its numbers and adherence, at
 * most one event a second per stream, with ids to resume from. The API ({@link ProgressResource})
 * and the console's live patient page open it; the caller's access is checked here, as the API
 * checks it, when the stream opens and again before every event.
 *
 * <p>A plain bean, not a resource: a security-intercepted method returning a {@code Multi} would
 * run its body at subscription, on the event loop, where the access check may not query.
 */
@ApplicationScoped
public class ProgressStream {
    /** One event a second at most: a live day is scored about as often, and an app redraws no faster. */
    static final Duration EVERY = Duration.ofSeconds(1);
    /** Days resent at most on a resume; an app that was away longer reads the days again. */
    static final int MAX_REPLAY = 400;

    private final DayChanges changes;
    private final PatientAccess access;
    private final AdherenceService adherence;
    private final Jdbc jdbc;
    private final ObjectMapper json;

    public ProgressStream(
            DayChanges changes, PatientAccess access, AdherenceService adherence, Jdbc jdbc, ObjectMapper json) {
        this.changes = changes;
        this.access = access;
        this.adherence = adherence;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The stream of {@code patientId}'s changes for the caller, resumed after {@code lastEventId}
     * when given; 404 (as the API answers it) when the caller may not read the patient's data.
     */
    public Multi<OutboundSseEvent> open(UUID patientId, String lastEventId, Sse sse) {
        Long since = eventId(lastEventId);
        Patient patient = access.clinical(patientId, "events");
        BooleanSupplier stillAllowed = access.stillClinical(patientId);
        ProgressFeed feed = new ProgressFeed();
        // Live changes first, then the replay: a change between the two is in the feed once either way.
        Cancellable live =
                changes.of(patientId).subscribe().with(c -> feed.add(new ProgressFeed.Item(c.kind(), c.date())));
        if (since != null) {
            replay(patientId, since).forEach(feed::add);
        }
        // Access is checked again for every event, off the event loop (a query): the stream ends at
        // the first change after the caller lost access, and sends nothing more.
        return Multi.createFrom()
                .ticks()
                .every(EVERY)
                .onOverflow()
                .drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(tick -> feed.poll())
                .select()
                .where(Optional::isPresent)
                .map(Optional::get)
                .select()
                .first(item -> stillAllowed.getAsBoolean())
                .map(item -> event(sse, patient, item))
                .onTermination()
                .invoke(live::cancel);
    }

    /** The Last-Event-ID as sent: an id of this stream is a whole number of microseconds since 1970. */
    static Long eventId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long v = Long.parseLong(header.strip());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badField(
                "Last-Event-ID",
                "must be the id of an event of this stream (a whole number " + ">= 0), was '"
                        + Text.printable(header, 64) + "'");
    }

    /** Days scored and program versions made after {@code since}, oldest first. */
    private List<ProgressFeed.Item> replay(UUID patientId, long since) {
        Instant after = micros(since);
        record Stamped(Instant at, ProgressFeed.Item item) {}
        List<Stamped> out = new ArrayList<>();
        out.addAll(jdbc.list(
                "select local_date, computed_at from day_summary where patient_id = ? and computed_at > ? "
                        + "order by computed_at limit " + MAX_REPLAY,
                rs -> new Stamped(
                        rs.getTimestamp(2).toInstant(),
                        new ProgressFeed.Item(DayNotices.DAY, rs.getObject(1, LocalDate.class))),
                patientId,
                Timestamp.from(after)));
        out.addAll(jdbc.list(
                "select effective_from, created_at from program_version where patient_id = ? "
                        + "and created_at > ? order by created_at",
                rs -> new Stamped(
                        rs.getTimestamp(2).toInstant(),
                        new ProgressFeed.Item(DayNotices.PROGRAM, rs.getObject(1, LocalDate.class))),
                patientId,
                Timestamp.from(after)));
        out.sort(java.util.Comparator.comparing(Stamped::at));
        return out.stream().map(Stamped::item).toList();
    }

    /**
     * The item as it is now. Its id is when it last changed (a day's scoring, a version's
     * creation), in microseconds: resuming after it resends what changed later.
     */
    private OutboundSseEvent event(Sse sse, Patient patient, ProgressFeed.Item item) {
        DayAdherence judged = adherence.byDay(patient, item.date(), item.date()).get(0);
        ScoredDay day = null;
        Instant changedAt;
        if (item.kind().equals(DayNotices.DAY)) {
            day = adherence.shown(patient, item.date(), item.date()).stream()
                    .findFirst()
                    .orElse(null);
            changedAt = jdbc.one(
                            "select computed_at from day_summary where patient_id = ? and local_date = ?",
                            rs -> rs.getTimestamp(1).toInstant(),
                            patient.id,
                            item.date())
                    .orElse(null);
        } else {
            changedAt = jdbc.one(
                            "select max(created_at) from program_version where patient_id = ? and effective_from = ?",
                            rs -> rs.getTimestamp(1) == null
                                    ? null
                                    : rs.getTimestamp(1).toInstant(),
                            patient.id,
                            item.date())
                    .orElse(null);
        }
        ProgressEvent e = new ProgressEvent(
                patient.id, item.kind(), item.date(), day == null ? null : day.dataThrough(), day, judged);
        OutboundSseEvent.Builder b =
                sse.newEventBuilder().name(item.kind()).data(write(e)).mediaType(MediaType.APPLICATION_JSON_TYPE);
        if (changedAt != null) {
            b.id(Long.toString(changedAt.getEpochSecond() * 1_000_000L + changedAt.getNano() / 1_000));
        }
        return b.build();
    }

    private String write(ProgressEvent e) {
        return Json.write(json, e, "a progress event");
    }

    private static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
