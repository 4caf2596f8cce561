package org.comboscope.io.synergyfinder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.comboscope.core.matrix.DoseResponseBlock;
import org.comboscope.core.matrix.ResponseScale;

/**
 * What {@link SynergyFinderTableReader} read from one file.
 *
 * <p>Every block appears in {@link #blocks()} in order of first appearance, with its rows in input
 * order and responses already converted to percent inhibition. Blocks that cannot be analysed
 * (for example a drug with fewer than 3 distinct concentrations) are still listed; their reasons
 * are in {@link #problems()}, and {@link #analysableBlocks()} leaves them out.
 *
 * @param sourceName the file name used in messages
 * @param format the format the file was read as
 * @param scale the scale of the input's response column; responses in the blocks are percent
 *     inhibition, converted once from this scale (label outputs with {@code scale.label()})
 * @param drugCount number of drugs per block (drug1..drugN columns)
 * @param blocks every block, in order of first appearance
 * @param blockAttributes per block id, the values of the other {@code drug*}/{@code cell*} columns
 *     (e.g. {@code cell_line}), which are constant within a block; empty maps when there are none
 * @param problems block-level reasons why a block cannot be analysed, in block order
 * @param warnings non-fatal remarks about the file (ignored columns, BOM, skipped blank lines,
 *     suspicious response ranges), each a full message starting with the file name
 */
public record TableReadResult(
        String sourceName,
        TableFormat format,
        ResponseScale scale,
        int drugCount,
        List<DoseResponseBlock> blocks,
        Map<String, Map<String, String>> blockAttributes,
        List<BlockProblem> problems,
        List<String> warnings) {

    public TableReadResult {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(scale, "scale");
        blocks = List.copyOf(blocks);
        Map<String, Map<String, String>> attrs = new LinkedHashMap<>();
        blockAttributes.forEach((k, v) -> attrs.put(k, Map.copyOf(v)));
        blockAttributes = java.util.Collections.unmodifiableMap(attrs);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** The block with this id, if present. */
    public Optional<DoseResponseBlock> block(String blockId) {
        return blocks.stream().filter(b -> b.blockId().equals(blockId)).findFirst();
    }

    /** The problems recorded for one block (empty when it can be analysed). */
    public List<BlockProblem> problemsFor(String blockId) {
        return problems.stream().filter(p -> p.blockId().equals(blockId)).toList();
    }

    /** Blocks without any {@link BlockProblem}, in input order. */
    public List<DoseResponseBlock> analysableBlocks() {
        Set<String> bad = problems.stream().map(BlockProblem::blockId).collect(Collectors.toSet());
        return blocks.stream().filter(b -> !bad.contains(b.blockId())).toList();
    }

    /** Total number of data rows over all blocks (replicates counted). */
    public int rowCount() {
        return blocks.stream().mapToInt(DoseResponseBlock::rowCount).sum();
    }
}
