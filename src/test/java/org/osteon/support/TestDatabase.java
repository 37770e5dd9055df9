package org.osteon.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A database of its own on the machine's PostgreSQL, created for one test class and dropped after. */
public final class TestDatabase implements AutoCloseable {
    /** The role ./osteon creates; it may create databases. */
    public static final String USER = System.getProperty("osteon.test.db.user", "osteon");

    public static final String PASSWORD = System.getProperty("osteon.test.db.password", "osteon");

    private final String server;
    private final String name;
    private final String user;
    private final String password;

    public TestDatabase(String server, String prefix, String user, String password) throws SQLException {
        this.server = server;
        this.user = user;
        this.password = password;
        this.name = prefix + "_" + Long.toString(System.nanoTime(), 36);
        try (Connection c = DriverManager.getConnection(server + "/postgres", user, password);
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
    }

    public static TestDatabase onLocalServer(String prefix) throws SQLException {
        return new TestDatabase("jdbc:postgresql://127.0.0.1:5432", prefix, USER, PASSWORD);
    }

    public String user() {
        return user;
    }

    public String url() {
        return server + "/" + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    public long queryLong(String sql) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(server + "/postgres", user, password);
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        }
    }
}
