package org.comboscope.io.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a set of result files all-or-nothing. Files are written into a hidden staging folder
 * beside the target directory; {@link #commit()} moves each into place. If the run fails before
 * the commit, {@link #close()} deletes the staging folder, so a failed run leaves no partial files.
 *
 * <pre>{@code
 * try (OutputDirectory out = OutputDirectory.create(dir)) {
 *     try (Writer w = out.writer("blocks.csv")) { ... }
 *     out.commit();
 * }
 * }</pre>
 */
public final class OutputDirectory implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private final List<String> names = new ArrayList<>();
    private boolean committed;

    private OutputDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Opens a staged output for {@code target} (created on commit if missing). */
    public static OutputDirectory create(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path staging =
                    Files.createTempDirectory(parent == null ? abs : parent, "." + abs.getFileName() + ".staging-");
            return new OutputDirectory(abs, staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory " + target + ": " + e.getMessage(), e);
        }
    }

    /** The final directory the files go to. */
    public Path target() {
        return target;
    }

    /** A staged path for a file named {@code name} (relative; sub-folders allowed). */
    public Path path(String name) {
        Path p = staging.resolve(name).normalize();
        if (!p.startsWith(staging)) {
            throw new IllegalArgumentException("output name escapes the output directory: " + name);
        }
        if (!names.contains(name)) {
            names.add(name);
        }
        try {
            Files.createDirectories(p.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** A UTF-8 writer for a staged text file. */
    public Writer writer(String name) throws IOException {
        return Files.newBufferedWriter(path(name), StandardCharsets.UTF_8);
    }

    /** Moves every staged file into the target directory, replacing files of the same name. */
    public void commit() throws IOException {
        Files.createDirectories(target);
        for (String name : names) {
            Path src = staging.resolve(name);
            if (!Files.exists(src)) {
                continue;
            }
            Path dst = target.resolve(name);
            Files.createDirectories(dst.getParent());
            try {
                Files.move(src, dst, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(src, dst, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
    }

    /** Whether {@link #commit()} completed. */
    public boolean committed() {
        return committed;
    }

    /** Deletes the staging folder (after a commit it holds nothing the user needs). */
    @Override
    public void close() {
        if (!Files.exists(staging)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(staging)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean staging folder " + staging, e);
        }
    }
}
