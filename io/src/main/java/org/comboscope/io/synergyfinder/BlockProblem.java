package org.comboscope.io.synergyfinder;

import java.util.Objects;

/**
 * A block that was read correctly but cannot be analysed, with the reason. Reading continues; the
 * analysis reports the block (exit code 1) and goes on with the others.
 *
 * @param blockId the block's identifier as written in the input
 * @param line 1-based line (or spreadsheet row) of the block's first row
 * @param rule what is missing, phrased so that it can follow "block X cannot be analysed: "
 */
public record BlockProblem(String blockId, int line, String rule) {

    public BlockProblem {
        Objects.requireNonNull(blockId, "blockId");
        Objects.requireNonNull(rule, "rule");
    }

    /**
     * The problem as one message line: {@code data.csv:2: block 3 cannot be analysed: drug 'X'
     * (column conc1) has 2 distinct concentrations ...}.
     */
    public String message(String sourceName) {
        return sourceName + ":" + line + ": block " + blockId + " cannot be analysed: " + rule;
    }
}
