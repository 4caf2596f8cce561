package org.comboscope.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.comboscope.core.error.InvalidInputException;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The comboscope database: projects, experiments, datasets (uploads kept verbatim), analyses and
 * their results. Opening runs the schema migrations. Thread-safe; one instance per database is meant
 * to be shared by the whole process.
 *
 * <p>Two databases are supported with the same schema and behaviour: an SQLite file (the embedded
 * default, in WAL mode, writes serialised in-process so concurrent writers never see SQLITE_BUSY)
 * and PostgreSQL (for a shared deployment; a small connection pool).
 */
public final class Store implements AutoCloseable {
    static final String SQLITE_PREFIX = "jdbc:sqlite:";
    static final String POSTGRES_PREFIX = "jdbc:postgresql:";
    private static final Pattern PASSWORD = Pattern.compile("([?&;])password=[^&;]*&?", Pattern.CASE_INSENSITIVE);
    private static final AtomicInteger POOLS = new AtomicInteger();
    /** One write lock per SQLite file, shared by every Store on that file in this JVM. */
    private static final Map<Path, ReentrantLock> SQLITE_LOCKS = new ConcurrentHashMap<>();

    private final HikariDataSource pool;
    private final Db db;
    private final String jdbcUrl;
    private final String kind;
    private final ProjectRepository projects;
    private final ExperimentRepository experiments;
    private final DatasetRepository datasets;
    private final AnalysisRepository analyses;
    private final ResultRepository results;

    private Store(HikariDataSource pool, String jdbcUrl, String kind, ReentrantLock writeLock) {
        this.pool = pool;
        this.jdbcUrl = jdbcUrl;
        this.kind = kind;
        this.db = new Db(Jdbi.create(pool), kind, writeLock, Clock.systemUTC());
        this.projects = new ProjectRepository(db);
        this.experiments = new ExperimentRepository(db);
        this.datasets = new DatasetRepository(db);
        this.analyses = new AnalysisRepository(db);
        this.results = new ResultRepository(db);
    }

    /**
     * Opens (creating if needed) the database and brings its schema up to date.
     *
     * @param jdbcUrl {@code jdbc:sqlite:/path/to/file.db} (a file; in-memory databases are refused) or
     *     {@code jdbc:postgresql://host:port/db?user=..&password=..}
     * @throws InvalidInputException for any other URL
     * @throws StoreException if the database cannot be opened or migrated
     */
    public static Store open(String jdbcUrl) {
        Checks.nonBlank("db", jdbcUrl, 4000);
        if (jdbcUrl.startsWith(SQLITE_PREFIX)) {
            return openSqlite(jdbcUrl);
        }
        if (jdbcUrl.startsWith(POSTGRES_PREFIX)) {
            return openPostgres(jdbcUrl);
        }
        throw new InvalidInputException(
                "db", redact(jdbcUrl), "must start with " + SQLITE_PREFIX + " or " + POSTGRES_PREFIX);
    }

    /** Opens the SQLite file at {@link #defaultDatabaseFile()}, creating its folders if needed. */
    public static Store openDefault() {
        Path file = defaultDatabaseFile();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create the data folder " + file.getParent() + ": " + e.getMessage(), e);
        }
        return open(SQLITE_PREFIX + file);
    }

    /**
     * Where {@link #openDefault()} keeps the database: {@code $COMBOSCOPE_DATA_DIR/comboscope.db} if
     * that variable is set, else {@code $XDG_DATA_HOME/comboscope/comboscope.db}, else {@code
     * ~/.local/share/comboscope/comboscope.db}.
     */
    public static Path defaultDatabaseFile() {
        return defaultDatabaseFile(System.getenv(), System.getProperty("user.home"));
    }

    static Path defaultDatabaseFile(Map<String, String> env, String userHome) {
        String dataDir = env.get("COMBOSCOPE_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            return Paths.get(dataDir).toAbsolutePath().resolve("comboscope.db");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says relative values are invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Paths.get(xdg).isAbsolute()) {
            return Paths.get(xdg, "comboscope", "comboscope.db");
        }
        return Paths.get(userHome, ".local", "share", "comboscope", "comboscope.db");
    }

    private static Store openSqlite(String url) {
        String location = url.substring(SQLITE_PREFIX.length());
        int query = location.indexOf('?');
        String pathPart = query < 0 ? location : location.substring(0, query);
        if (pathPart.startsWith("file:")) {
            pathPart = pathPart.substring("file:".length());
        }
        if (pathPart.isBlank() || pathPart.contains(":memory:") || location.contains("mode=memory")) {
            throw new InvalidInputException(
                    "db", url, "must name an SQLite database file (in-memory databases are not kept)");
        }
        Path file = Paths.get(pathPart).toAbsolutePath().normalize();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        // BEGIN IMMEDIATE: a writer in another process makes us wait (busy_timeout) instead of failing
        // when a read transaction would have to be upgraded.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        HikariConfig hc = new HikariConfig();
        hc.setDataSource(dataSource);
        hc.setMaximumPoolSize(8);
        hc.setMinimumIdle(1);
        hc.setPoolName("comboscope-sqlite-" + POOLS.incrementAndGet());
        ReentrantLock lock = SQLITE_LOCKS.computeIfAbsent(file, f -> new ReentrantLock(true));
        return start(hc, url, "sqlite", lock);
    }

    private static Store openPostgres(String url) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setDriverClassName("org.postgresql.Driver");
        hc.setMaximumPoolSize(10);
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(30_000);
        hc.setPoolName("comboscope-postgresql-" + POOLS.incrementAndGet());
        return start(hc, url, "postgresql", null);
    }

    private static Store start(HikariConfig hc, String url, String kind, ReentrantLock writeLock) {
        String shown = redact(url);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open database " + shown + ": " + rootMessage(e), e);
        }
        try {
            if (writeLock != null) {
                writeLock.lock();
            }
            try {
                Flyway.configure()
                        .dataSource(pool)
                        .locations("classpath:db/migration/" + kind)
                        .load()
                        .migrate();
            } finally {
                if (writeLock != null) {
                    writeLock.unlock();
                }
            }
            return new Store(pool, shown, kind, writeLock);
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot migrate database " + shown + ": " + rootMessage(e), e);
        }
    }

    static String redact(String url) {
        String out = PASSWORD.matcher(url).replaceAll("$1");
        return out.endsWith("?") || out.endsWith("&") || out.endsWith(";") ? out.substring(0, out.length() - 1) : out;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }

    /** The URL this store was opened with, without any password. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** "sqlite" or "postgresql". */
    public String databaseKind() {
        return kind;
    }

    public ProjectRepository projects() {
        return projects;
    }

    public ExperimentRepository experiments() {
        return experiments;
    }

    public DatasetRepository datasets() {
        return datasets;
    }

    public AnalysisRepository analyses() {
        return analyses;
    }

    public ResultRepository results() {
        return results;
    }

    /** For tests and maintenance inside the package: direct access to the database. */
    Db db() {
        return db;
    }

    /** Closes the connection pool. Idempotent. */
    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "Store[" + kind.toLowerCase(Locale.ROOT) + " " + jdbcUrl + "]";
    }
}
