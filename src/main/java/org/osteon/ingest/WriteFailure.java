package org.osteon.ingest;

import java.sql.SQLException;

/**
 * Why a write transaction failed, as far as the writer must know: whether trying the same messages
 * again can succeed ({@link Kind#TRANSIENT}), or whether something in the messages themselves is
 * refused ({@link Kind#MESSAGE}), so that retrying them for ever would stall every device behind them.
 *
 * <p>The rule leans to transient: only a data exception (SQLSTATE class 22: a NUL byte in text, a
 * number out of range) or an integrity violation (class 23: a device erased between lookup and
 * insert) comes from a message, and so does a runtime exception thrown by the writer's own code
 * while handling one. Everything else (connection loss, shutdown, lack of resources, lock and
 * serialization conflicts, missing privileges after a bad migration, a state the driver does not
 * name) is the database's or the deployment's, would fail for any message, and is waited out: a
 * message is never refused because the database was down.
 */
final class WriteFailure {
    private WriteFailure() {}

    enum Kind {
        TRANSIENT,
        MESSAGE
    }

    static Kind of(Throwable e) {
        if (e instanceof SQLException s) {
            String state = sqlState(s);
            return state != null && (state.startsWith("22") || state.startsWith("23")) ? Kind.MESSAGE : Kind.TRANSIENT;
        }
        return e instanceof RuntimeException ? Kind.MESSAGE : Kind.TRANSIENT;
    }

    /** The SQLSTATE of the failure, or of the first failure in its chain that has one (batch updates nest them). */
    static String sqlState(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    /** A short label for logs and rejection reasons: a SQLSTATE or an exception's simple name, never its message. */
    static String label(Throwable e) {
        if (e instanceof SQLException s) {
            String state = sqlState(s);
            return state == null ? "SQLException" : "SQLSTATE " + state;
        }
        return e.getClass().getSimpleName();
    }
}
