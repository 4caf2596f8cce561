package org.comboscope.report;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.comboscope.core.doseresponse.SynergyFinderFitter;
import org.comboscope.core.matrix.DoseResponseBlock;
import org.comboscope.core.matrix.ResponseScale;
import org.comboscope.core.synergy.Baseline;
import org.comboscope.core.synergy.BlockSynergy;
import org.comboscope.core.synergy.SynergyFinderEngine;
import org.comboscope.core.synergy.SynergyMethod;
import org.comboscope.io.synergyfinder.SynergyFinderTableReader;
import org.comboscope.io.synergyfinder.TableReadResult;
import org.comboscope.report.synergy.Provenance;
import org.comboscope.report.synergy.SynergyRun;
import org.comboscope.report.synergy.SynergyRuns;

/** Synergy runs on the test resources. */
public final class Fixtures {
    private Fixtures() {}

    public static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/synergy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All blocks of a resource file analysed with the default settings (viability input). */
    public static List<BlockSynergy> analyse(String name) {
        TableReadResult t = SynergyFinderTableReader.read(resource(name), ResponseScale.VIABILITY);
        SynergyFinderEngine e =
                new SynergyFinderEngine(new SynergyFinderFitter(), EnumSet.allOf(SynergyMethod.class), Baseline.NONE);
        List<BlockSynergy> out = new ArrayList<>();
        for (DoseResponseBlock b : t.blocks()) {
            out.add(e.analyze(b));
        }
        return out;
    }

    public static Provenance provenance(String name) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("data_type", "viability");
        p.put("methods", "zip,hsa,bliss,loewe");
        p.put("baseline", "none");
        p.put("fit", "synergyfinder");
        return new Provenance(name, "0".repeat(64), "test", p, "2026-11-22T00:00:00Z");
    }

    /** A run of the 6 breast-cancer blocks. */
    public static SynergyRun breast() {
        return SynergyRuns.of(
                provenance("decrease_breast_6blocks.csv"),
                analyse("decrease_breast_6blocks.csv"),
                List.of("block 99: fewer than 3 distinct concentrations of drug 2"),
                List.of("block 1: replicates averaged"));
    }
}
