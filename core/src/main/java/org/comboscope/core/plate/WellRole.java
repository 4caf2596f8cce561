package org.comboscope.core.plate;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What a well on a plate map is for. */
public enum WellRole {
    /** Medium without cells (background); its mean is subtracted from every signal. */
    BLANK("blank"),
    /** Cells with vehicle only (e.g. DMSO): 100 % viability. */
    VEHICLE("vehicle"),
    /** Cells with a positive kill control (e.g. staurosporine, Triton X-100): 0 % viability. */
    POSITIVE("positive"),
    /** Cells with drug(s) at given concentration(s). */
    SAMPLE("sample"),
    /** Not used; its signal is ignored. */
    EMPTY("empty");

    private static final Map<String, WellRole> ALIASES = Map.ofEntries(
            Map.entry("blank", BLANK),
            Map.entry("background", BLANK),
            Map.entry("medium", BLANK),
            Map.entry("media", BLANK),
            Map.entry("vehicle", VEHICLE),
            Map.entry("dmso", VEHICLE),
            Map.entry("negative", VEHICLE),
            Map.entry("neg", VEHICLE),
            Map.entry("untreated", VEHICLE),
            Map.entry("positive", POSITIVE),
            Map.entry("pos", POSITIVE),
            Map.entry("kill", POSITIVE),
            Map.entry("positive_control", POSITIVE),
            Map.entry("sample", SAMPLE),
            Map.entry("treated", SAMPLE),
            Map.entry("empty", EMPTY),
            Map.entry("unused", EMPTY));

    private final String label;

    WellRole(String label) {
        this.label = label;
    }

    /** The lower-case label used in outputs. */
    public String label() {
        return label;
    }

    /** Whether the well holds cells (vehicle, positive control or sample). */
    public boolean hasCells() {
        return this == VEHICLE || this == POSITIVE || this == SAMPLE;
    }

    /**
     * The role for a label or alias (case-insensitive): blank/background/medium, vehicle/dmso/
     * negative/untreated, positive/pos/kill, sample/treated, empty/unused.
     */
    public static Optional<WellRole> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return Optional.ofNullable(ALIASES.get(key));
    }

    /** The accepted labels, for messages. */
    public static String accepted() {
        return "blank, vehicle (dmso), positive (kill), sample, empty";
    }
}
