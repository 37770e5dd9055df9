package org.osteon.retention;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Looks after the month partitions of raw data (V20): creates them ahead of time and drops
 * those that have wholly expired under {@link RetentionConfig#rawData()}. Every replica runs
 * it; an advisory lock lets one at a time do the work.
 */
@ApplicationScoped
public class RawDataRetention {
    private static final Logger LOG = Logger.getLogger(RawDataRetention.class);
    /** The raw-data tables and their partition keys. */
    static final List<String[]> TABLES =
            List.of(new String[] {"accel_batch", "start_at"}, new String[] {"load_event", "t"});

    private static final long LOCK_KEY = 0x05_7E_0A_20L;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    private final AgroalDataSource dataSource;
    private final RetentionConfig config;

    private final Clock clock;

    public RawDataRetention(AgroalDataSource dataSource, RetentionConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /** What one run did. */
    public record Report(boolean ran, int partitionsCreated, List<String> partitionsDropped, long defaultRowsDeleted) {}

    void onStart(@Observes StartupEvent event) {
        run();
    }

    @Scheduled(
            every = "${osteon.retention.every}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    Report run() {
        try {
            Instant now = clock.instant();
            return run(now, config.rawData().map(now::minus));
        } catch (SQLException e) {
            LOG.errorf("Raw-data retention failed (%s); it runs again in %s", e.getMessage(), config.every());
            return new Report(false, 0, List.of(), 0);
        }
    }

    /**
     * Creates partitions up to {@code monthsAhead} past {@code now}'s month and, with a cutoff,
     * drops every month partition that ends at or before it (and deletes the default
     * partition's rows before it).
     */
    public Report run(Instant now, Optional<Instant> cutoff) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (!advisoryLock(c, "pg_try_advisory_lock")) {
                return new Report(false, 0, List.of(), 0);
            }
            try {
                // Dropping a partition locks its parent briefly; never queue behind a long
                // transaction with ingest queued behind us. A timed-out run is retried next time.
                try (Statement s = c.createStatement()) {
                    s.execute("set lock_timeout = '5s'");
                }
                int created = 0;
                List<String> dropped = new ArrayList<>();
                long deleted = 0;
                LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
                for (String[] table : TABLES) {
                    created += ensurePartitions(c, table[0], today, today.plusMonths(config.monthsAhead()));
                    if (cutoff.isPresent()) {
                        dropped.addAll(dropExpired(c, table[0], cutoff.get()));
                        deleted += deleteFromDefault(c, table[0], table[1], cutoff.get());
                    }
                }
                if (created > 0 || !dropped.isEmpty() || deleted > 0) {
                    LOG.infof(
                            "Raw-data partitions: %d created, dropped %s, %d old rows deleted from default partitions",
                            created, dropped, deleted);
                }
                return new Report(true, created, dropped, deleted);
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("reset lock_timeout");
                }
                advisoryLock(c, "pg_advisory_unlock");
            }
        }
    }

    private static int ensurePartitions(Connection c, String table, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select osteon_ensure_month_partitions(?, ?, ?)")) {
            ps.setString(1, table);
            ps.setObject(2, from);
            ps.setObject(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static List<String> dropExpired(Connection c, String table, Instant cutoff) throws SQLException {
        List<String> expired = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select child.relname from pg_inherits i join pg_class child on child.oid = i.inhrelid "
                        + "join pg_class parent on parent.oid = i.inhparent where parent.relname = ? "
                        + "and child.relname ~ ('^' || parent.relname || '_p[0-9]{6}$') order by child.relname")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    YearMonth month = YearMonth.parse(name.substring(name.length() - 6), MONTH);
                    Instant end = month.plusMonths(1)
                            .atDay(1)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant();
                    if (!end.isAfter(cutoff)) {
                        expired.add(name);
                    }
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String name : expired) {
                // The name came from the catalog and matched <table>_pYYYYMM; quoting keeps it literal.
                s.execute("drop table \"" + name + "\"");
            }
        }
        return expired;
    }

    private static long deleteFromDefault(Connection c, String table, String key, Instant cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from " + table + "_default where " + key + " < ?")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        }
    }

    private static boolean advisoryLock(Connection c, String function) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + function + "(?)")) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
