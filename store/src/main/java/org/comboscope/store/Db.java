package org.comboscope.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The repositories' access to the database. Writes run in a transaction; on SQLite they are also
 * serialised in this process (one writer at a time is all SQLite allows, and queueing here instead
 * of in the driver's busy handler means no write ever fails with SQLITE_BUSY). Reads stay
 * concurrent: SQLite runs in WAL mode.
 */
final class Db {
    final Jdbi jdbi;
    final String kind;
    private final ReentrantLock writeLock;
    private final Clock clock;

    Db(Jdbi jdbi, String kind, ReentrantLock writeLock, Clock clock) {
        this.jdbi = jdbi;
        this.kind = kind;
        this.writeLock = writeLock;
        this.clock = clock;
    }

    /** Now, at the millisecond precision the database keeps. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    <T> T write(String what, HandleCallback<T, RuntimeException> callback) {
        if (writeLock != null) {
            writeLock.lock();
        }
        try {
            return jdbi.inTransaction(callback);
        } catch (JdbiException e) {
            throw new StoreException(what + " failed, nothing was written: " + e.getMessage(), e);
        } finally {
            if (writeLock != null) {
                writeLock.unlock();
            }
        }
    }

    <T> T read(String what, HandleCallback<T, RuntimeException> callback) {
        try {
            return jdbi.withHandle(callback);
        } catch (JdbiException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), e);
        }
    }

    /** Inside a transaction: true if the row exists (used to name a missing parent clearly). */
    static boolean exists(Handle h, String table, long id) {
        // table is one of a fixed set of names chosen by the caller, never user text.
        return h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE id = :id")
                        .bind("id", id)
                        .mapTo(Long.class)
                        .one()
                > 0;
    }
}
