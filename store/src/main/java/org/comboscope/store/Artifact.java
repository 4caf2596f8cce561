package org.comboscope.store;

import java.util.Arrays;

/**
 * A file produced by an analysis (report.html, report.pdf, blocks.csv, warnings.txt, ...). The
 * content is copied in and out.
 *
 * @param name file name: non-blank, at most 255 characters, no path separators, not "." or ".."
 * @param mediaType e.g. "text/html; charset=utf-8": non-blank, at most 255 characters
 * @param content the bytes
 */
public record Artifact(String name, String mediaType, byte[] content) {
    public Artifact {
        Checks.fileName("name", name);
        Checks.nonBlank("mediaType", mediaType, 255);
        content = Checks.notNull("content", content).clone();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** Size in bytes, without copying. */
    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Artifact a
                && name.equals(a.name)
                && mediaType.equals(a.mediaType)
                && Arrays.equals(content, a.content);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + mediaType.hashCode()) + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "Artifact[name=" + name + ", mediaType=" + mediaType + ", " + content.length + " bytes]";
    }
}
