package org.osteon.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The PostgreSQL notification that a patient's progress changed, heard by every instance: its
 * channel and its one-line payload, written and read only here. The engine sends {@link #DAY}
 * in the transaction that scores a day; a program version that takes effect is sent as {@link
 * #PROGRAM} in the transaction that stores it. Either is delivered only if its transaction
 * commits, and exactly when the change is visible.
 */
public final class DayNotices {
    public static final String CHANNEL = "osteon_day_changed";
    public static final String DAY = "day";
    public static final String PROGRAM = "program";

    private DayNotices() {}

    /**
     * A change of a patient's progress.
     *
     * @param kind {@link #DAY}: the day {@code date} was scored again, its results and adherence
     *     changed; {@link #PROGRAM}: a program version takes effect on {@code date}, adherence from
     *     then on follows it
     * @param dataThrough for {@code day}: the end of the latest sample or loading event the day's
     *     results now include (null when the day has none left); an app compares it with what the
     *     wearable last sent
     */
    public record Change(UUID patientId, String kind, LocalDate date, Instant dataThrough) {}

    /** Sends a day's change with the transaction on {@code c}: listeners hear of it only if it commits. */
    static void dayScored(Connection c, UUID patientId, LocalDate date, Instant dataThrough) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, dayPayload(patientId, date, dataThrough));
            ps.execute();
        }
    }

    /** The payload of {@link #dayScored}. */
    static String dayPayload(UUID patientId, LocalDate date, Instant dataThrough) {
        return patientId + " " + DAY + " " + date + (dataThrough == null ? "" : " " + dataThrough);
    }

    /** The payload of a program version that takes effect on {@code effectiveFrom}. */
    public static String programChanged(UUID patientId, LocalDate effectiveFrom) {
        return patientId + " " + PROGRAM + " " + effectiveFrom;
    }

    /** Reads a payload written here. */
    public static Change parse(String payload) {
        String[] parts = payload.split(" ");
        return new Change(
                UUID.fromString(parts[0]),
                parts[1],
                LocalDate.parse(parts[2]),
                parts.length > 3 ? Instant.parse(parts[3]) : null);
    }
}
