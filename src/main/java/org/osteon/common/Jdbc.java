package org.osteon.common;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain SQL for the tables whose JSON columns and window queries fit SQL better than entities.
 * Connections join the caller's transaction, so an audit row and the change it records commit
 * together.
 */
@ApplicationScoped
public class Jdbc {
    private final AgroalDataSource dataSource;

    public Jdbc(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Maps one row; may throw what JDBC throws. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * A query whose rows are read by {@link #read}, together with others: built by a repository,
     * run by the service that needs several answers at once.
     */
    public static final class Query<T> {
        private final String sql;
        private final RowMapper<T> mapper;
        private final Object[] params;
        private List<T> rows;

        public Query(String sql, RowMapper<T> mapper, Object... params) {
            this.sql = sql;
            this.mapper = mapper;
            this.params = params;
        }

        /** The rows, once {@link Jdbc#read} ran this query. */
        public List<T> rows() {
            if (rows == null) {
                throw new IllegalStateException("the query was not run");
            }
            return rows;
        }

        private void read(ResultSet rs) throws SQLException {
            List<T> read = new ArrayList<>();
            while (rs.next()) {
                read.add(mapper.map(rs));
            }
            rows = read;
        }
    }

    /**
     * Runs the queries as one statement of several: the driver sends them together and the
     * database answers them in one round trip, where one {@link #list} each would wait for each
     * answer in turn. For a small read that needs several tables at once (a week of adherence).
     */
    public void read(Query<?>... queries) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Query<?> q : queries) {
            sql.append(sql.isEmpty() ? "" : ";\n").append(q.sql);
            params.addAll(List.of(q.params));
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = prepare(c, sql.toString(), params.toArray())) {
            boolean results = ps.execute();
            for (Query<?> q : queries) {
                if (!results) {
                    throw new IllegalStateException("a query gave no rows to read: " + q.sql);
                }
                try (ResultSet rs = ps.getResultSet()) {
                    q.read(rs);
                }
                results = ps.getMoreResults();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed", e);
        }
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed", e);
        }
    }

    /** The first row, empty when there is none or it maps to {@code null}. */
    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    public long count(String sql, Object... params) {
        return one(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("update failed", e);
        }
    }

    /** One statement run for each row of parameters, sent in one batch; the rows changed in all. */
    public int batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] params : rows) {
                bind(ps, params);
                ps.addBatch();
            }
            int changed = 0;
            for (int n : ps.executeBatch()) {
                changed += Math.max(n, 0);
            }
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("batch failed", e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object[] params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        bind(ps, params);
        return ps;
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            // The driver takes dates and times as java.time values, but not Instant itself.
            Object p = params[i] instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : params[i];
            ps.setObject(i + 1, p);
        }
    }
}
