package dev.supportbot.bot.store;

import java.sql.SQLException;

/** Recognises a unique-constraint violation on both databases (SQLState 23505). */
public final class UniqueViolation {
    private UniqueViolation() {}

    public static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }
}
