package org.osteon.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.osteon.adherence.AdherenceResults.ComponentDay;
import org.osteon.adherence.AdherenceResults.DayAdherence;
import org.osteon.adherence.AdherenceService;
import org.osteon.adherence.AdherenceService.JudgedDay;
import org.osteon.common.Coalescing;
import org.osteon.common.Jdbc;
import org.osteon.common.Json;
import org.osteon.engine.DayScored;
import org.osteon.engine.EngineConfig;
import org.osteon.engine.ScoredDay;
import org.osteon.ingest.DeviceMessages;
import org.osteon.program.Component;
import org.osteon.program.ProgramService;

/**
 * Tells a patient's devices how today is going, so that a watch can show today's impacts and
 * MVPA: soon after the engine wrote a day of the patient (channel {@link DayScored#CHANNEL}), if
 * today (their time zone) has a row, each of the
 * patient's devices that is not revoked gets one small retained message on its {@code progress}
 * topic (docs/device-contract.md §8). Other dates are not sent: a watch shows today, and an
 * older date would replace the retained message of today.
 *
 * <p>The numbers are those of {@code /days} and {@code /adherence} for the day: they are read
 * through the same service and rows right after the scoring committed.
 */
@ApplicationScoped
public class DeviceProgress {
    private static final Logger LOG = Logger.getLogger(DeviceProgress.class);
    /** Payload version; fields are only ever added within it. */
    static final int VERSION = 1;

    private final DeviceMessages devices;
    private final AdherenceService adherence;
    private final Jdbc jdbc;
    private final ObjectMapper json;
    private final Coalescing<DayScored> sends;
    private final Clock clock;

    public DeviceProgress(
            DeviceMessages devices,
            AdherenceService adherence,
            Jdbc jdbc,
            ObjectMapper json,
            EngineConfig config,
            Clock clock) {
        this.clock = clock;
        this.sends = new Coalescing<>("osteon-device-progress", config.progressInterval(), this::send);
        this.devices = devices;
        this.adherence = adherence;
        this.jdbc = jdbc;
        this.json = json.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /**
     * The progress message (docs/device-contract.md §8). A target is present only when the
     * program in force has a component of its kind.
     *
     * @param impacts peaks at or above {@code impactsMinG} today
     * @param impactsMinG the program's impact threshold, or {@link Component.Impacts#DEFAULT_MIN_G}
     * @param impactsTarget the program's impact count for today (a day's, or a session's); absent on
     *     a weekday the session is not scheduled on
     * @param mvpaMin MVPA minutes today; in bouts of {@code mvpaBoutMin} when present, all otherwise
     * @param mvpaBoutMin the program's MVPA bout length, as adherence counts it
     * @param mvpaTarget today's share of the program's weekly MVPA minutes (a seventh)
     * @param steps steps today
     * @param stepsTarget the program's steps per day
     * @param scoredThrough up to when the numbers reach: the day's dataThrough as it was last scored
     */
    public record Message(
            int v,
            LocalDate date,
            int impacts,
            double impactsMinG,
            Integer impactsTarget,
            Double mvpaMin,
            Integer mvpaBoutMin,
            Double mvpaTarget,
            Integer steps,
            Integer stepsTarget,
            Instant scoredThrough) {}

    /**
     * Queues the patient's progress when a day of theirs was scored: sent soon, off the scoring
     * thread, once however many scorings came meanwhile and at most every {@code
     * osteon.engine.progress-interval}, always with the latest numbers.
     */
    @Incoming(DayScored.CHANNEL)
    public void onDayScored(DayScored scored) {
        sends.request(scored);
    }

    void onStop(@Observes ShutdownEvent event) {
        sends.close();
    }

    /**
     * Sends the day's progress if it is the patient's today. One progress message is sent for
     * every patient whose days are live, every few seconds: it reads through JDBC without an
     * entity or a transaction, the patient's zone and devices in one round trip and, only for
     * today, the day, its judgement's inputs and the program in another.
     */
    void send(DayScored scored) {
        Jdbc.Query<String> zone = new Jdbc.Query<>(
                "select time_zone from patient where id = ?", rs -> rs.getString(1), scored.patientId());
        Jdbc.Query<String> recipients = new Jdbc.Query<>(
                "select id from device where patient_id = ? and revoked_at is null",
                rs -> rs.getString(1),
                scored.patientId());
        jdbc.read(zone, recipients);
        if (zone.rows().isEmpty()) {
            return;
        }
        ZoneId patientZone = ZoneId.of(zone.rows().get(0));
        if (!scored.date().equals(ProgramService.today(patientZone, clock))) {
            return;
        }
        Optional<Message> message = message(scored.patientId(), patientZone, scored.date());
        if (message.isEmpty()) {
            return;
        }
        byte[] payload = write(message.get());
        for (String device : recipients.rows()) {
            if (!devices.sendProgress(device, payload)) {
                LOG.debugf(
                        "Progress of patient %s not sent to device %s: broker not reachable",
                        scored.patientId(), device);
            }
        }
    }

    Optional<Message> message(UUID patientId, ZoneId zone, LocalDate date) {
        Optional<JudgedDay> read = adherence.judgedDay(patientId, zone, date);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        ScoredDay day = read.get().row();
        DayAdherence judged = read.get().judged();
        List<Component> components = read.get().components();

        Optional<Component.Impacts> impacts = find(components, Component.Impacts.class);
        double minG = impacts.map(Component.Impacts::minG).orElse(Component.Impacts.DEFAULT_MIN_G);
        // A session component's weekday off shows no target: the watch would ask for a session not due.
        Integer impactsTarget = impacts.filter(c -> c.days() == null || c.days().contains(date.getDayOfWeek()))
                .flatMap(c -> judged(judged, c))
                .map(j -> (int) Math.round(j.target()))
                .orElse(null);

        // With an MVPA component, the minutes adherence counts (in its bouts); without, all of them.
        Optional<Component.Mvpa> mvpa = find(components, Component.Mvpa.class);
        Optional<ComponentDay> mvpaJudged = mvpa.flatMap(c -> judged(judged, c));
        Double mvpaMin = mvpaJudged.isPresent() ? mvpaJudged.get().achieved() : day.mvpaMinutes();
        Integer boutMin = mvpaJudged.isPresent() ? mvpa.get().boutMinutes() : null;
        Double mvpaTarget = mvpaJudged.map(ComponentDay::target).orElse(null);

        Integer stepsTarget = find(components, Component.Steps.class)
                .map(Component.Steps::stepsPerDay)
                .orElse(null);
        return Optional.of(new Message(
                VERSION,
                date,
                day.impactsAtOrAbove(minG),
                minG,
                impactsTarget,
                mvpaMin,
                boutMin,
                mvpaTarget,
                day.steps(),
                stepsTarget,
                day.dataThrough()));
    }

    /** The component's day as adherence judged it, if it has a target that day. */
    private static Optional<ComponentDay> judged(DayAdherence day, Component c) {
        return day.components().stream()
                .filter(d -> d.kind().equals(c.kind()) && d.target() != null)
                .findFirst();
    }

    private static <T extends Component> Optional<T> find(List<Component> components, Class<T> kind) {
        return components.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    private byte[] write(Message m) {
        return Json.bytes(json, m, "progress message");
    }
}
