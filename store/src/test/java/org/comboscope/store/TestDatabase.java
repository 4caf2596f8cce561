package org.comboscope.store;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases every store test runs on, each giving a fresh empty database per test.
 *
 * <p>PostgreSQL comes from {@code COMBOSCOPE_TEST_PG_URL} (e.g. {@code
 * jdbc:postgresql://127.0.0.1:55434/comboscope_test?user=postgres}). The tests create one database
 * with a random name per test JVM (dropped at exit) and one schema per test (dropped after it).
 * Without the variable the PostgreSQL tests are skipped, except when {@code CI=true}: there they fail,
 * so CI cannot silently stop testing PostgreSQL.
 */
enum TestDatabase {
    SQLITE {
        @Override
        Fresh open(Path tempDir) {
            Store store = Store.open(Store.SQLITE_PREFIX + tempDir.resolve("test.db"));
            return new Fresh(store, store::close);
        }
    },
    POSTGRESQL {
        @Override
        Fresh open(Path tempDir) {
            String url = Postgres.databaseUrl();
            String schema = "t" + Postgres.SCHEMAS.incrementAndGet();
            Postgres.execute(url, "CREATE SCHEMA " + schema);
            Store store = Store.open(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            return new Fresh(store, () -> {
                store.close();
                Postgres.execute(url, "DROP SCHEMA " + schema + " CASCADE");
            });
        }
    };

    /** A fresh store and how to dispose of it. */
    record Fresh(Store store, Runnable cleanup) {}

    abstract Fresh open(Path tempDir);

    private static final class Postgres {
        static final AtomicInteger SCHEMAS = new AtomicInteger();
        private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?$");
        private static String databaseUrl;

        static synchronized String databaseUrl() {
            if (databaseUrl != null) {
                return databaseUrl;
            }
            String base = System.getenv("COMBOSCOPE_TEST_PG_URL");
            if (base == null || base.isBlank()) {
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    Assertions.fail(
                            "CI=true but COMBOSCOPE_TEST_PG_URL is not set: CI must test the store on PostgreSQL");
                }
                Assumptions.abort("COMBOSCOPE_TEST_PG_URL is not set: PostgreSQL store tests skipped");
            }
            Matcher m = URL.matcher(base);
            if (!m.matches()) {
                Assertions.fail(
                        "COMBOSCOPE_TEST_PG_URL must look like jdbc:postgresql://host:port/db?user=..., was " + base);
            }
            byte[] random = new byte[6];
            new SecureRandom().nextBytes(random);
            String name = "comboscope_t_" + HexFormat.of().formatHex(random);
            execute(base, "CREATE DATABASE " + name);
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(() -> execute(base, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
            databaseUrl = m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
            return databaseUrl;
        }

        static void execute(String url, String sql) {
            try (Connection c = DriverManager.getConnection(url);
                    Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                // The variable is set, so PostgreSQL is expected: unreachable is a failure, not a skip.
                Assertions.fail(
                        "PostgreSQL at " + Store.redact(url) + " failed on '" + sql + "': " + e.getMessage(), e);
            }
        }
    }
}
