package org.comboscope.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only SQLite needs: connection settings, and two stores sharing one file. */
class SqliteStoreTest {
    @TempDir
    Path dir;

    @Test
    void open_everyPooledConnection_hasWalForeignKeysBusyTimeoutAndNormalSync() throws Exception {
        try (Store store = Store.open("jdbc:sqlite:" + dir.resolve("a.db"))) {
            assertThat(store.databaseKind()).isEqualTo("sqlite");
            // Several connections at once, so more than the pool's first one is checked.
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<Object>>> results = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    results.add(pool.submit(() -> store.db()
                            .read(
                                    "pragmas",
                                    h -> List.<Object>of(
                                            h.createQuery("PRAGMA journal_mode")
                                                    .mapTo(String.class)
                                                    .one(),
                                            h.createQuery("PRAGMA foreign_keys")
                                                    .mapTo(Integer.class)
                                                    .one(),
                                            h.createQuery("PRAGMA busy_timeout")
                                                    .mapTo(Integer.class)
                                                    .one(),
                                            h.createQuery("PRAGMA synchronous")
                                                    .mapTo(Integer.class)
                                                    .one()))));
                }
                for (Future<List<Object>> r : results) {
                    assertThat(r.get()).containsExactly("wal", 1, 10_000, 1);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void twoStoresOnOneFile_concurrentWritesAllLand() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("shared.db");
        try (Store a = Store.open(url);
                Store b = Store.open(url)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> futures = new java.util.ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    Store s = i % 2 == 0 ? a : b;
                    int n = i;
                    futures.add(pool.submit(() -> s.projects().create("p" + n, "")));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(a.projects().list()).hasSize(40);
            assertThat(b.projects().list()).hasSize(40);
        }
    }
}
