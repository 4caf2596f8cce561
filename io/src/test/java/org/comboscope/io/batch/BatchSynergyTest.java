package org.comboscope.io.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import org.comboscope.core.doseresponse.SynergyFinderFitter;
import org.comboscope.core.matrix.ResponseScale;
import org.comboscope.core.synergy.Baseline;
import org.comboscope.core.synergy.ScreenSimulator;
import org.comboscope.core.synergy.SynergyFinderEngine;
import org.comboscope.core.synergy.SynergyMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchSynergyTest {
    @TempDir
    Path tmp;

    static final class Interrupt extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private Path screen(int blocks) throws Exception {
        ScreenSimulator sim = new ScreenSimulator(4, 5, 11);
        StringBuilder sb = new StringBuilder("block_id,drug1,drug2,conc1,conc2,response,conc_unit\n");
        for (int b = 0; b < blocks; b++) {
            ScreenSimulator.Block blk = sim.next();
            for (int r = 0; r < blk.conc1Um().length; r++) {
                sb.append(String.format(
                        Locale.ROOT,
                        "%s,%s,%s,%s,%s,%s,uM%n",
                        blk.blockId(),
                        blk.drug1(),
                        blk.drug2(),
                        blk.conc1Um()[r],
                        blk.conc2Um()[r],
                        blk.viabilityPercent()[r]));
            }
        }
        Path p = tmp.resolve("screen.csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    private static BatchSynergy.Options options(int threads) {
        SynergyFinderEngine engine = new SynergyFinderEngine(
                new SynergyFinderFitter(), EnumSet.allOf(SynergyMethod.class), Baseline.NONE, true, 10, 123);
        return new BatchSynergy.Options(engine, 0.95, 123, threads, "# test", 2, java.util.Map.of("extra.txt", "x\n"));
    }

    @Test
    void run_interruptedThenRerun_resumesAndWritesTheSameFiles() throws Exception {
        Path in = screen(10);
        Path full = tmp.resolve("full");
        BatchSynergy.Summary whole = BatchSynergy.run(in, ResponseScale.VIABILITY, full, options(2), null);
        assertThat(whole.blocks()).isEqualTo(10);
        assertThat(whole.resumed()).isZero();

        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> BatchSynergy.run(in, ResponseScale.VIABILITY, out, options(2), (done, b, s) -> {
                    if (done == 5) {
                        throw new Interrupt();
                    }
                }))
                .isInstanceOf(Interrupt.class);
        assertThat(out.resolve(BatchSynergy.WORK_DIR).resolve("checkpoint.properties"))
                .exists();
        assertThat(out.resolve("blocks.csv")).doesNotExist();

        BatchSynergy.Summary resumed = BatchSynergy.run(in, ResponseScale.VIABILITY, out, options(1), null);
        assertThat(resumed.resumed()).isBetween(4L, 5L); // every 2 blocks, or after 2 s
        assertThat(resumed.blocks()).isEqualTo(10);
        for (String f : new String[] {"blocks.csv", "cells.csv", "curves.csv", "warnings.txt", "extra.txt"}) {
            assertThat(Files.readString(out.resolve(f))).as(f).isEqualTo(Files.readString(full.resolve(f)));
        }
        assertThat(out.resolve(BatchSynergy.WORK_DIR)).doesNotExist();
    }
}
