package org.osteon.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A database of its own on the machine's PostgreSQL, created for one test class and dropped after. */
public final class TestDatabase implements AutoCloseable {
    private final String server;
    private final String name;

    public TestDatabase(String server, String prefix) throws SQLException {
        this.server = server;
        this.name = prefix + "_" + Long.toString(System.nanoTime(), 36);
        try (Connection c = DriverManager.getConnection(server + "/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
    }

    public static TestDatabase onLocalServer(String prefix) throws SQLException {
        return new TestDatabase("jdbc:postgresql://127.0.0.1:5432", prefix);
    }

    public String url() {
        return server + "/" + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", "");
    }

    public long queryLong(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(server + "/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        }
    }
}
