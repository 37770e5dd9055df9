package org.osteon.rtm;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.osteon.common.Jdbc;
import org.osteon.rtm.RtmDtos.TimeEntryView;

/** Reads and writes RTM episodes and time entries, and reads the dates with device data. */
@ApplicationScoped
public class RtmRepository {
    private final Jdbc jdbc;

    public RtmRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** An episode: first and last day (null while it runs). */
    public record Episode(UUID id, LocalDate start, LocalDate end, String createdBy, Instant createdAt) {
        boolean covers(LocalDate day) {
            return !day.isBefore(start) && (end == null || !day.isAfter(end));
        }

        boolean overlaps(LocalDate from, LocalDate to) {
            return !(to != null && to.isBefore(start)) && (end == null || !end.isBefore(from));
        }
    }

    /** Takes the patient's row lock, so that two episodes cannot be started side by side. */
    void lockPatient(UUID patientId) {
        jdbc.one("select id from patient where id = ? for update", rs -> rs.getObject(1), patientId);
    }

    List<Episode> episodes(UUID patientId) {
        return jdbc.list(
                "select id, start_date, end_date, created_by, created_at from rtm_episode where patient_id = ? "
                        + "order by start_date",
                rs -> new Episode(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4),
                        rs.getObject(5, java.time.OffsetDateTime.class).toInstant()),
                patientId);
    }

    void insertEpisode(UUID patientId, Episode e) {
        jdbc.update(
                "insert into rtm_episode (id, patient_id, start_date, end_date, created_by, created_at) "
                        + "values (?, ?, ?, ?, ?, ?)",
                e.id(),
                patientId,
                e.start(),
                e.end(),
                e.createdBy(),
                e.createdAt());
    }

    /**
     * The local dates from..to on which the patient has a scored day with any wear: the engine
     * writes a day from accepted device data only, in the patient's zone.
     */
    List<LocalDate> datesWithData(UUID patientId, LocalDate from, LocalDate to) {
        return jdbc.list(
                "select local_date from day_summary where patient_id = ? and local_date between ? and ? "
                        + "and wear_minutes > 0 order by local_date",
                rs -> rs.getObject(1, LocalDate.class),
                patientId,
                from,
                to);
    }

    void insertEntry(UUID patientId, TimeEntryView e) {
        jdbc.update(
                "insert into rtm_time_entry (id, patient_id, physiotherapist_id, started_at, ended_at, activity, "
                        + "interactive, logged_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                e.id(),
                patientId,
                e.physiotherapistId(),
                e.start(),
                e.end(),
                e.activity(),
                e.interactive(),
                e.loggedAt());
    }

    /** Sets the last day of an episode that has none; false when there is no such open episode. */
    boolean endEpisode(UUID patientId, UUID episodeId, LocalDate end) {
        return jdbc.update(
                        "update rtm_episode set end_date = ? where patient_id = ? and id = ? and end_date is null",
                        end,
                        patientId,
                        episodeId)
                == 1;
    }

    /** Entries starting in {@code [from, until)}, in order of start. */
    List<TimeEntryView> entries(UUID patientId, Instant from, Instant until) {
        return jdbc.list(
                SELECT_ENTRY + " where patient_id = ? and started_at >= ? and started_at < ? order by started_at, id",
                RtmRepository::entry,
                patientId,
                from,
                until);
    }

    Optional<TimeEntryView> entry(UUID patientId, UUID entryId) {
        return jdbc.one(SELECT_ENTRY + " where patient_id = ? and id = ?", RtmRepository::entry, patientId, entryId);
    }

    boolean deleteEntry(UUID patientId, UUID entryId) {
        return jdbc.update("delete from rtm_time_entry where patient_id = ? and id = ?", patientId, entryId) == 1;
    }

    private static final String SELECT_ENTRY = "select id, started_at, ended_at, activity, interactive, "
            + "physiotherapist_id, logged_at from rtm_time_entry";

    private static TimeEntryView entry(ResultSet rs) throws SQLException {
        Instant start = rs.getObject(2, java.time.OffsetDateTime.class).toInstant();
        Instant end = rs.getObject(3, java.time.OffsetDateTime.class).toInstant();
        return new TimeEntryView(
                rs.getObject(1, UUID.class),
                start,
                end,
                java.time.Duration.between(start, end).getSeconds(),
                rs.getString(4),
                rs.getBoolean(5),
                rs.getObject(6, UUID.class),
                rs.getObject(7, java.time.OffsetDateTime.class).toInstant());
    }
}
