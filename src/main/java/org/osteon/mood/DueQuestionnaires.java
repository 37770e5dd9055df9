package org.osteon.mood;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.osteon.mood.MoodService.Answered;
import org.osteon.patient.Patient;
import org.osteon.program.CheckinSchedule;
import org.osteon.program.Component;
import org.osteon.program.ProgramDtos.ProgramView;
import org.osteon.program.ProgramService;

/**
 * What a patient's app should ask now: the check-in of the program in force whose window holds
 * today and has no answer yet ({@link CheckinSchedule}), and the follow-up of a positive screen
 * (the PHQ-9 after a PHQ-2 of 3 or more) not answered since. Both as of the service's clock, in the
 * patient's time zone (docs/mood.md).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DueQuestionnaires {
    private final ProgramService programs;
    private final MoodService mood;
    private final Questionnaires questionnaires;
    private final MoodConfig config;
    private final Clock clock;

    public DueQuestionnaires(
            ProgramService programs, MoodService mood, Questionnaires questionnaires, MoodConfig config, Clock clock) {
        this.programs = programs;
        this.mood = mood;
        this.questionnaires = questionnaires;
        this.config = config;
        this.clock = clock;
    }

    /** Why a questionnaire is due. */
    public enum Reason {
        /** The program's check-in of this window has no answer yet. */
        checkin,
        /** A screen was positive and its follow-up has not been answered since. */
        follow_up
    }

    /** One questionnaire due now. */
    @Schema(name = "DueQuestionnaire")
    public record Due(
            @Schema(description = "the questionnaire to answer, as submitted (GET /api/v1/questionnaires)")
            String questionnaire,

            @Schema(description = "the definition's version to answer: the newest")
            int version,

            String title,
            Reason reason,

            @Schema(
                    description = "due since: the start of the check-in window's first day in the patient's time "
                            + "zone, or when the positive screen was answered")
            Instant dueSince,

            @Schema(
                    description = "no longer due from: the start of the day after the window's last day, or "
                            + "maxAnswerAge after the positive screen")
            Instant dueUntil,

            @Schema(description = "the positive screen this follows up; null for a check-in")
            UUID after) {}

    /** Everything due for the patient now. */
    @Schema(name = "DueQuestionnaires")
    public record DueNow(
            @Schema(description = "the patient's local date now")
            LocalDate date,

            @Schema(description = "due now, follow-ups first; a questionnaire is listed once")
            List<Due> due) {}

    public DueNow due(Patient patient) {
        ZoneId zone = ZoneId.of(patient.timeZone);
        Instant now = clock.instant();
        LocalDate today = ProgramService.today(patient, clock);
        List<Due> due = new ArrayList<>();
        followUp(patient, now).ifPresent(due::add);
        Optional<ProgramView> program = programs.current(patient);
        if (program.isPresent() && program.get().inForce() != null) {
            ProgramView v = program.get();
            for (Component c : v.targetsOnDate()) {
                if (c instanceof Component.Checkin ch) {
                    CheckinSchedule.Window w =
                            CheckinSchedule.window(ch, v.inForce().effectiveFrom(), today);
                    LocalDate closes = w.closes();
                    // A version taking effect inside the window starts its own calendar there.
                    if (v.upcoming() != null && !v.upcoming().effectiveFrom().isAfter(closes)) {
                        closes = v.upcoming().effectiveFrom().minusDays(1);
                    }
                    Instant opens = w.opens().atStartOfDay(zone).toInstant();
                    Instant until = closes.plusDays(1).atStartOfDay(zone).toInstant();
                    boolean answered = mood.answered(patient.id, opens, until).stream()
                            .anyMatch(a -> CheckinSchedule.answeredBy(ch).contains(a.questionnaire()));
                    Optional<Questionnaire> q = mood.offerable(ch.questionnaire());
                    if (!answered
                            && q.isPresent()
                            && due.stream()
                                    .noneMatch(d ->
                                            d.questionnaire().equals(q.get().id()))) {
                        due.add(new Due(
                                q.get().id(), q.get().version(), q.get().title(), Reason.checkin, opens, until, null));
                    }
                }
            }
        }
        return new DueNow(today, due);
    }

    /**
     * The follow-up of the patient's latest screen, if it was positive, answered within
     * maxAnswerAge, and its follow-up was not answered since.
     */
    private Optional<Due> followUp(Patient patient, Instant now) {
        Instant from = now.minus(config.maxAnswerAge());
        List<Answered> recent = mood.answered(patient.id, from, now.plus(config.maxClockSkew()));
        Optional<Answered> screen = recent.stream()
                .filter(a -> questionnaires
                        .latest(a.questionnaire())
                        .map(q -> q.followUp() != null)
                        .orElse(false))
                .max(Comparator.comparing(Answered::answeredAt));
        if (screen.isEmpty() || !screen.get().positiveScreen()) {
            return Optional.empty();
        }
        Answered s = screen.get();
        Optional<Questionnaire> q = mood.offerable(
                questionnaires.latest(s.questionnaire()).orElseThrow().followUp());
        if (q.isEmpty()) {
            return Optional.empty();
        }
        boolean answered = recent.stream()
                .anyMatch(a -> a.questionnaire().equals(q.get().id())
                        && !a.answeredAt().isBefore(s.answeredAt()));
        return answered
                ? Optional.empty()
                : Optional.of(new Due(
                        q.get().id(),
                        q.get().version(),
                        q.get().title(),
                        Reason.follow_up,
                        s.answeredAt(),
                        s.answeredAt().plus(config.maxAnswerAge()),
                        s.id()));
    }
}
