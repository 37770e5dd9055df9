package org.osteon.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SQL of {@code day_dirty}, the engine's work list: one row per (patient, local day) whose
 * raw data changed since it was last scored.
 *
 * <p>Ingest marks days inside its own transaction ({@link #mark}), so a committed batch always
 * leaves a mark and a rolled-back one never does; a crash loses nothing, the rows are simply
 * scored after the restart. Scorers {@link #claim} ready days with {@code FOR UPDATE SKIP
 * LOCKED}, so that several instances never take the same day, and {@link #finish} a day only
 * if no mark arrived after the claim (the row's {@code version}); otherwise it stays and is
 * scored again with the newer data.
 */
public final class DirtyDays {
    private DirtyDays() {}

    /** A stretch of a device's data, first to last sample or event. */
    public record Span(String deviceId, Instant first, Instant last) {}

    /**
     * A claimed day and the version of its mark at the claim.
     *
     * @param minStart the earliest start of the batches marked since the day was last scored
     *     (null for a mark made before this was recorded)
     */
    public record Claim(UUID patientId, LocalDate date, long version, Instant minStart) {}

    /**
     * Marks every local day of the device's patient that a span touches. One statement for the
     * whole group; rows are upserted in key order so that two instances marking overlapping
     * days wait for each other instead of deadlocking.
     */
    public static void mark(Connection c, List<Span> spans) throws SQLException {
        if (spans.isEmpty()) {
            return;
        }
        int n = spans.size();
        String[] devices = new String[n];
        Timestamp[] firsts = new Timestamp[n];
        Timestamp[] lasts = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            devices[i] = spans.get(i).deviceId();
            firsts[i] = Timestamp.from(spans.get(i).first());
            lasts[i] = Timestamp.from(spans.get(i).last());
        }
        try (PreparedStatement ps =
                c.prepareStatement("insert into day_dirty (patient_id, local_date, since, marked_at, min_start) "
                        + "select d.patient_id, g.day::date, now(), now(), min(s.first_at) "
                        + "from unnest(?::text[], ?::timestamptz[], ?::timestamptz[]) as s(device_id, first_at, last_at) "
                        + "join device d on d.id = s.device_id join patient p on p.id = d.patient_id "
                        + "cross join lateral generate_series((s.first_at at time zone p.time_zone)::date, "
                        + "(s.last_at at time zone p.time_zone)::date, interval '1 day') as g(day) "
                        + "group by 1, 2 order by 1, 2 "
                        + "on conflict (patient_id, local_date) do update "
                        + "set marked_at = excluded.marked_at, version = day_dirty.version + 1, "
                        + "min_start = least(day_dirty.min_start, excluded.min_start), due_at = null")) {
            ps.setArray(1, c.createArrayOf("text", devices));
            ps.setArray(2, c.createArrayOf("timestamptz", firsts));
            ps.setArray(3, c.createArrayOf("timestamptz", lasts));
            ps.executeUpdate();
        }
    }

    /**
     * Claims up to {@code limit} days that are ready: quiet for {@code quiet} since their last
     * mark, or waiting longer than {@code maxDelay} while marks keep coming (a live stream), and
     * not claimed by another scorer (or claimed by one that has not finished within
     * {@code lease}, i.e. crashed). Commits at once: the claim is a lease, not a held lock, so
     * ingest never waits for a day to be scored.
     */
    static List<Claim> claim(Connection c, int limit, Duration quiet, Duration maxDelay, Duration lease)
            throws SQLException {
        List<Claim> claims = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("update day_dirty t set claimed_until = now() + ?::interval from ("
                        + "select patient_id, local_date from day_dirty "
                        + "where (marked_at <= now() - ?::interval or since <= now() - ?::interval) "
                        + "and (claimed_until is null or claimed_until < now()) and (due_at is null or due_at <= now()) "
                        + "order by since limit ? for update skip locked) r "
                        + "where t.patient_id = r.patient_id and t.local_date = r.local_date "
                        + "returning t.patient_id, t.local_date, t.version, nullif(t.min_start, 'infinity')")) {
            ps.setString(1, lease.toMillis() + " milliseconds");
            ps.setString(2, quiet.toMillis() + " milliseconds");
            ps.setString(3, maxDelay.toMillis() + " milliseconds");
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp minStart = rs.getTimestamp(4);
                    claims.add(new Claim(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, LocalDate.class),
                            rs.getLong(3),
                            minStart == null ? null : minStart.toInstant()));
                }
            }
        }
        return claims;
    }

    /**
     * Locks the day's mark and tells whether the claim is still current (no mark since). If it
     * is not, the claim is released so that the day is scored again with the newer data.
     */
    static boolean stillCurrent(Connection c, Claim claim) throws SQLException {
        return stillCurrent(c, claim, false);
    }

    /**
     * As {@link #stillCurrent(Connection, Claim)}; with {@code asynchronousCommit} the same
     * statement makes the transaction's commit not wait for the WAL to reach disk (a scoring's,
     * see ScoringEngine), which saves the engine a round trip per day.
     */
    static boolean stillCurrent(Connection c, Claim claim, boolean asynchronousCommit) throws SQLException {
        String sql = asynchronousCommit
                ? "select version, set_config('synchronous_commit', 'off', true) from day_dirty "
                        + "where patient_id = ? and local_date = ? for update"
                : "select version from day_dirty where patient_id = ? and local_date = ? for update";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, claim.patientId());
            ps.setObject(2, claim.date());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                if (rs.getLong(1) == claim.version()) {
                    return true;
                }
            }
        }
        release(c, claim);
        return false;
    }

    /** Removes the mark of a day that has just been scored (under the lock of {@link #stillCurrent}). */
    static void finish(Connection c, Claim claim) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("delete from day_dirty where patient_id = ? and local_date = ? and version = ?")) {
            ps.setObject(1, claim.patientId());
            ps.setObject(2, claim.date());
            ps.setLong(3, claim.version());
            ps.executeUpdate();
        }
    }

    /**
     * {@link #finish(Connection, Claim)} and the day's change notice ({@link DayNotices#dayScored})
     * in one statement, one round trip: the notice goes with the transaction as before.
     */
    static void finish(Connection c, Claim claim, Instant dataThrough) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("with done as (delete from day_dirty "
                + "where patient_id = ? and local_date = ? and version = ?) select pg_notify(?, ?)")) {
            ps.setObject(1, claim.patientId());
            ps.setObject(2, claim.date());
            ps.setLong(3, claim.version());
            ps.setString(4, DayNotices.CHANNEL);
            ps.setString(5, DayNotices.dayPayload(claim.patientId(), claim.date(), dataThrough));
            ps.execute();
        }
    }

    /** Lets any scorer take the day again, e.g. after a failure. */
    static void release(Connection c, Claim claim) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update day_dirty set claimed_until = null where patient_id = ? and local_date = ?")) {
            ps.setObject(1, claim.patientId());
            ps.setObject(2, claim.date());
            ps.executeUpdate();
        }
    }
}
