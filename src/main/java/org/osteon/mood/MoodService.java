package org.osteon.mood;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.osteon.common.ApiException;
import org.osteon.common.Jdbc;
import org.osteon.mood.MoodDtos.Definition;
import org.osteon.mood.MoodDtos.ResponseView;
import org.osteon.mood.MoodDtos.Safety;
import org.osteon.mood.MoodDtos.Submission;
import org.osteon.mood.MoodDtos.Submitted;
import org.osteon.mood.MoodScoring.Refused;
import org.osteon.mood.MoodScoring.Scored;
import org.osteon.mood.ResponseScored.Earlier;
import org.osteon.patient.Patient;

/**
 * Stores and scores questionnaire responses. A submission is checked whole before anything is
 * written; the response and the alerts it raises are written in one transaction, so a stored
 * response always has its alerts. The app chooses the response's id: the same submission sent
 * again answers as the first did and stores nothing; another submission with that id is refused.
 */
@ApplicationScoped
public class MoodService {
    private static final String COLUMNS = "id, patient_id, questionnaire, version, answers, answered_at, received_at, "
            + "total, band, positive_screen from questionnaire_response";

    /** The severity measures, whose totals share the PHQ-9's bands and make a patient's baseline. */
    static final List<String> SEVERITY = List.of("phq-9", "phq-8");

    private final Questionnaires questionnaires;
    private final MoodConfig config;
    private final Event<ResponseScored> scoredEvents;
    private final Jdbc jdbc;
    private final Clock clock;

    public MoodService(
            Questionnaires questionnaires,
            MoodConfig config,
            Event<ResponseScored> scoredEvents,
            Jdbc jdbc,
            Clock clock) {
        this.questionnaires = questionnaires;
        this.config = config;
        this.scoredEvents = scoredEvents;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The questionnaires this deployment offers: the PHQ-9 only where a clinician is on call for item 9. */
    public List<Questionnaire> offered() {
        return questionnaires.all().stream()
                .filter(q -> config.clinicianOnCall() || q.safetyItem() == null)
                .toList();
    }

    /** Whether {@code submitted} was new (201) or the same submission again (200). */
    public record Outcome(Submitted submitted, boolean created) {}

    @Transactional
    public Outcome submit(Patient patient, UUID id, Submission submitted, String subject) {
        // PostgreSQL keeps microseconds, and rounds: what is stored, compared and answered is the
        // submitted time cut to microseconds, so a retry carrying nanoseconds is the same answer.
        Submission s = submitted.answeredAt() == null
                ? submitted
                : new Submission(
                        submitted.questionnaire(),
                        submitted.version(),
                        submitted.answers(),
                        submitted.answeredAt().truncatedTo(ChronoUnit.MICROS));
        Questionnaire q = definition(s);
        Instant now = clock.instant();
        checkTime(s.answeredAt(), now);
        MoodScoring.Verdict verdict = MoodScoring.score(q, s.answers());
        if (verdict instanceof Refused refused) {
            throw new ApiException(
                    400,
                    "Bad Request",
                    refused.errors().get(0).field() + ": "
                            + refused.errors().get(0).message(),
                    refused.errors());
        }
        Scored scored = (Scored) verdict;
        // Earlier severity responses, read before this one is written (and under the patient's lock,
        // so two submissions at once do not both see no baseline).
        jdbc.list(
                "select pg_advisory_xact_lock(hashtext('questionnaire_response'), ?)", rs -> 1, patient.id.hashCode());
        Optional<ResponseView> stored = find(id);
        if (stored.isPresent()) {
            return new Outcome(again(stored.get(), patient, q, s, scored), false);
        }
        Earlier baseline =
                earlier(patient.id, "order by answered_at, received_at limit 1").orElse(null);
        Earlier previous = earlier(
                        patient.id,
                        "and answered_at <= ? order by answered_at desc, received_at desc limit 1",
                        Timestamp.from(s.answeredAt()))
                .orElse(null);
        jdbc.update(
                "insert into questionnaire_response (id, patient_id, questionnaire, version, answers, answered_at, "
                        + "received_at, submitted_by, total, band, positive_screen, safety_item_answer) "
                        + "values (?, ?, ?, ?, ?::smallint[], ?, ?, ?, ?, ?, ?, ?)",
                id,
                patient.id,
                q.id(),
                q.version(),
                s.answers().stream()
                        .map(String::valueOf)
                        .reduce((a, b) -> a + "," + b)
                        .map(a -> "{" + a + "}")
                        .orElseThrow(),
                Timestamp.from(s.answeredAt()),
                Timestamp.from(now),
                subject,
                scored.total(),
                scored.band(),
                scored.positiveScreen(),
                scored.safetyItemAnswer());
        if (q.bands().isEmpty()) {
            baseline = previous = null;
        }
        // Alerts are raised by the observers, in this transaction.
        scoredEvents.fire(new ResponseScored(patient.id, id, q, scored, baseline, previous, now));
        return new Outcome(result(find(id).orElseThrow(), q, scored), true);
    }

    /** The patient's responses answered in [from, to), oldest first. */
    public List<ResponseView> history(Patient patient, Instant from, Instant to) {
        return jdbc.list(
                "select " + COLUMNS + " where patient_id = ? and answered_at >= ? and answered_at < ? "
                        + "order by answered_at, received_at",
                this::row,
                patient.id,
                Timestamp.from(from),
                Timestamp.from(to));
    }

    /** A response without its answers: which questionnaire, when, and whether it screened positive. */
    public record Answered(UUID id, String questionnaire, Instant answeredAt, boolean positiveScreen) {}

    /**
     * The patient's responses answered in [from, to), oldest first, without their answers: what
     * check-ins and follow-ups are judged by. One row per response id, so a submission sent again
     * counts once.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Answered> answered(UUID patientId, Instant from, Instant to) {
        return jdbc.list(
                "select id, questionnaire, answered_at, positive_screen from questionnaire_response "
                        + "where patient_id = ? and answered_at >= ? and answered_at < ? "
                        + "order by answered_at, received_at",
                rs -> new Answered(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getBoolean(4)),
                patientId,
                Timestamp.from(from),
                Timestamp.from(to));
    }

    /**
     * The questionnaire to offer for {@code id}: itself where offered; the PHQ-8 for the PHQ-9 where
     * no clinician is on call for its item 9; empty when neither is offered.
     */
    public Optional<Questionnaire> offerable(String id) {
        List<Questionnaire> offered = offered();
        return offered.stream()
                .filter(q -> q.id().equals(id))
                .findFirst()
                .or(() -> "phq-9".equals(id)
                        ? offered.stream().filter(q -> q.id().equals("phq-8")).findFirst()
                        : Optional.empty());
    }

    private Questionnaire definition(Submission s) {
        String allowed =
                String.join(", ", offered().stream().map(Questionnaire::id).toList());
        if (s.questionnaire() == null || s.questionnaire().isEmpty()) {
            throw ApiException.badField("questionnaire", "required: one of " + allowed);
        }
        Optional<Questionnaire> q = s.version() == null
                ? questionnaires.latest(s.questionnaire())
                : questionnaires.version(s.questionnaire(), s.version());
        if (questionnaires.latest(s.questionnaire()).isEmpty()) {
            throw ApiException.badField(
                    "questionnaire",
                    "must be one of " + allowed + ", was '" + org.osteon.common.Text.printable(s.questionnaire(), 40)
                            + "'");
        }
        if (q.isEmpty()) {
            throw ApiException.badField(
                    "version",
                    s.questionnaire() + " has versions up to "
                            + questionnaires
                                    .latest(s.questionnaire())
                                    .orElseThrow()
                                    .version() + ", was " + s.version());
        }
        if (!offered().contains(questionnaires.latest(q.get().id()).orElseThrow())) {
            throw ApiException.badField(
                    "questionnaire",
                    q.get().id() + " is not offered here: no clinician is on call to act on its item "
                            + q.get().safetyItem() + "; use one of " + allowed);
        }
        return q.get();
    }

    private void checkTime(Instant answeredAt, Instant now) {
        if (answeredAt == null) {
            throw ApiException.badField("answeredAt", "required: when the patient finished answering (ISO-8601)");
        }
        if (answeredAt.isAfter(now.plus(config.maxClockSkew()))) {
            throw ApiException.badField(
                    "answeredAt", "lies in the future (" + answeredAt + "; the service's clock reads " + now + ")");
        }
        if (answeredAt.isBefore(now.minus(config.maxAnswerAge()))) {
            throw ApiException.badField(
                    "answeredAt",
                    "is older than " + config.maxAnswerAge().toDays() + " days (" + answeredAt
                            + "): the questionnaire asks about the last two weeks");
        }
    }

    /** The same submission again answers as the first did; anything else under its id is refused. */
    private Submitted again(ResponseView stored, Patient patient, Questionnaire q, Submission s, Scored scored) {
        boolean same = stored.patientId().equals(patient.id)
                && stored.questionnaire().equals(q.id())
                && stored.version() == q.version()
                && stored.answers().equals(s.answers())
                && stored.answeredAt().equals(s.answeredAt().truncatedTo(ChronoUnit.MICROS));
        if (!same) {
            throw ApiException.conflict("id", "this response id holds another response; choose a new id for a new one");
        }
        return result(stored, q, scored);
    }

    private Submitted result(ResponseView r, Questionnaire q, Scored scored) {
        Safety safety = scored.safetyConcern()
                ? new Safety(
                        "item " + q.safetyItem() + " answered above 0",
                        config.crisis().text(),
                        config.crisis().phone().orElse(null),
                        config.crisis().url().orElse(null))
                : null;
        // The follow-up as offered here: the PHQ-8 in the PHQ-9's place where no clinician is on call.
        String offer = scored.followUp() == null
                ? null
                : offerable(scored.followUp()).map(Questionnaire::id).orElse(null);
        return new Submitted(r, offer, safety);
    }

    private Optional<ResponseView> find(UUID id) {
        return jdbc.one("select " + COLUMNS + " where id = ?", this::row, id);
    }

    private Optional<Earlier> earlier(UUID patientId, String rest, Object... more) {
        Object[] params = new Object[2 + more.length];
        params[0] = patientId;
        params[1] = SEVERITY.toArray(String[]::new);
        System.arraycopy(more, 0, params, 2, more.length);
        return jdbc.one(
                "select id, total, band, answered_at from questionnaire_response where patient_id = ? "
                        + "and questionnaire = any(?) " + rest,
                rs -> new Earlier(
                        rs.getObject(1, UUID.class),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()),
                params);
    }

    private ResponseView row(ResultSet rs) throws SQLException {
        Array a = rs.getArray(5);
        List<Integer> answers = Arrays.stream((Object[]) a.getArray())
                .map(o -> ((Number) o).intValue())
                .toList();
        String id = rs.getString(3);
        int version = rs.getInt(4);
        Questionnaire q = questionnaires.version(id, version).orElseThrow();
        return new ResponseView(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                id,
                version,
                answers,
                rs.getTimestamp(6).toInstant(),
                rs.getTimestamp(7).toInstant(),
                rs.getInt(8),
                rs.getString(9),
                rs.getBoolean(10),
                Definition.of(q));
    }
}
