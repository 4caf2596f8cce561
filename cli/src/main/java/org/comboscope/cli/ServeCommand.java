package org.comboscope.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.server.ComboscopeServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code comboscope serve}: the web application over the store. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "The web application: upload SynergyFinder tables, run synergy analyses in the background, browse"
                    + " blocks, heat maps and 3-D synergy surfaces, download CSV/HTML/PDF results. JSON API"
                    + " documented at /api/openapi.json.",
            "Studies are kept in a SQLite file under the user's data directory (see --db); runs until stopped."
        })
final class ServeCommand implements Callable<Integer> {

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "TCP port (0 = any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "Interface to bind. Default: ${DEFAULT-VALUE} (this machine only); 0.0.0.0 to share.")
    String host;

    @Option(
            names = "--db",
            defaultValue = "",
            description = "JDBC URL of the store, e.g. jdbc:postgresql://host:5432/comboscope?user=u&password=p."
                    + " Default: SQLite file $COMBOSCOPE_DATA_DIR/comboscope.db, else"
                    + " $XDG_DATA_HOME/comboscope/comboscope.db, else ~/.local/share/comboscope/comboscope.db.")
    String db;

    @Option(
            names = "--auth",
            defaultValue = "none",
            description = "none, or token: every API request must present the bearer token printed at start"
                    + " (or given in $COMBOSCOPE_TOKEN). Default: ${DEFAULT-VALUE}.")
    String auth;

    @Option(
            names = "--max-upload-mb",
            defaultValue = "50",
            description = "Largest accepted upload in MiB. Default: ${DEFAULT-VALUE}.")
    long maxUploadMb;

    @Option(
            names = "--analyses",
            defaultValue = "0",
            description = "Analyses run at once; 0 = number of cores. Default: ${DEFAULT-VALUE}.")
    int analyses;

    @Option(names = "--work-dir", description = "Scratch directory for uploads and running analyses.")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        String token =
                switch (auth) {
                    case "none" -> "";
                    case "token" -> {
                        String env = System.getenv("COMBOSCOPE_TOKEN");
                        yield env == null || env.isBlank() ? ComboscopeServer.newToken() : env.trim();
                    }
                    default -> throw new InvalidInputException("auth", auth, "must be none or token");
                };
        if (maxUploadMb <= 0) {
            throw new InvalidInputException("max-upload-mb", maxUploadMb, "must be > 0");
        }
        ComboscopeServer.Config c = ComboscopeServer.Config.defaults()
                .withHost(host)
                .withPort(port)
                .withDb(db)
                .withToken(token)
                .withMaxUploadBytes(maxUploadMb * 1024 * 1024);
        if (analyses > 0) {
            c = c.withConcurrentAnalyses(analyses);
        }
        if (workDir != null) {
            c = c.withWorkDir(workDir);
        }
        ComboscopeServer server = ComboscopeServer.start(c);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        ComboscopeServer.announce(server, c, System.out);
        stopped.await();
        return Main.EXIT_OK;
    }
}
