package org.osteon.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.osteon.common.Json;
import org.osteon.scoring.sleep.SleepWindow;

/**
 * A patient's night: one row of {@code sleep_night}, the one mapping of that table, written by the
 * engine ({@link SleepNights}) and read by the sleep API and the bone–brain report. The night runs
 * from local noon of {@code night} to the next local noon; a night without a window has no row.
 *
 * @param night the local date of the noon the night starts at
 * @param onset start of the sleep period time window (HDCZA, van Hees et al. 2018)
 * @param wake end of the window
 * @param durationMinutes wake − onset, minutes
 * @param midpoint halfway between onset and wake
 * @param thresholdDeg the night's threshold on the rolling median of z-angle change, degrees
 * @param provenance algorithm, version, parameters (the HDCZA settings, zone, period, days used)
 */
@Schema(name = "SleepNight")
public record SleepNight(
        LocalDate night,
        Instant onset,
        Instant wake,
        double durationMinutes,
        Instant midpoint,
        double thresholdDeg,
        Map<String, Object> provenance) {

    /** The table's columns, for {@link #read}: append {@code where ...}. */
    public static final String SELECT =
            "select night_date, onset, wake, duration_minutes, midpoint, threshold_deg, provenance from sleep_night";

    /** The night of a row selected by {@link #SELECT}. */
    public static SleepNight read(ResultSet rs, ObjectMapper json) throws SQLException {
        return new SleepNight(
                rs.getObject("night_date", LocalDate.class),
                rs.getTimestamp("onset").toInstant(),
                rs.getTimestamp("wake").toInstant(),
                rs.getDouble("duration_minutes"),
                rs.getTimestamp("midpoint").toInstant(),
                rs.getDouble("threshold_deg"),
                Json.read(json, rs.getString("provenance"), Json.OBJECT, "sleep_night.provenance"));
    }

    /** The night as the scoring core's window (for {@link org.osteon.scoring.sleep.SleepRegularity}). */
    public SleepWindow window() {
        return new SleepWindow(onset, wake, durationMinutes, midpoint, thresholdDeg, null);
    }
}
