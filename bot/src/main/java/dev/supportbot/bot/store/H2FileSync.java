package dev.supportbot.bot.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Makes every transaction H2 has committed so far durable: written to the database file and forced to disk.
 *
 * <p>H2's commit only changes its in-memory store; a background thread writes the file later (WRITE_DELAY), so a
 * killed process loses what it had acknowledged. {@code CHECKPOINT SYNC} is not enough on its own: when the background
 * thread has just started a write, the checkpoint skips its own, and can force the file to disk before that write
 * has reached it. So this writes a store version itself ({@link MVStore#commit()} returns its version only when this
 * thread wrote it, synchronously, after every write queued before it), then forces the file to disk. One call per
 * group of transactions (intake's group commit) keeps the cost to one write and one sync per group.
 */
public final class H2FileSync {
    private static final String MARKER_MAP = "supportbot.sync";

    private H2FileSync() {}

    public static void sync(Connection connection) throws SQLException {
        JdbcConnection h2 = connection.unwrap(JdbcConnection.class);
        if (!(h2.getSession() instanceof SessionLocal session)) return; // a server connection: that server's concern
        MVStore store = session.getDatabase().getStore().getMvStore();
        if (store.getFileStore() == null) return; // in-memory database: nothing to make durable
        MVMap<Integer, Long> marker = store.openMap(MARKER_MAP);
        long version;
        do {
            // An unsaved change of our own, so commit() has something to write: -1 means another thread's write took
            // it (possibly still in flight), so go round again until this thread has written one itself.
            marker.put(0, System.nanoTime());
            version = store.commit();
        } while (version < 0 && !store.isClosed());
        store.sync();
    }
}
