package org.comboscope.io.synergyfinder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Locates test resources; gzipped ones are unpacked under their original name. */
final class TestFiles {
    private TestFiles() {}

    static Path resource(String name) {
        URL url = TestFiles.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unpacks {@code name + ".gz"} into {@code dir} as {@code name}'s file name. */
    static Path gunzip(String name, Path dir) {
        Path gz = resource(name + ".gz");
        Path out = dir.resolve(Path.of(name).getFileName().toString());
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            Files.copy(in, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
