package org.comboscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.core.evidence.EvidenceBase;
import org.comboscope.core.evidence.EvidenceQuery;
import org.comboscope.io.evidence.EvidenceTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code comboscope evidence}: query the curated evidence base of the seed documents. */
@Command(
        name = "evidence",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the quantitative claims of the seed documents (trials, preclinical synergy, IC50s, doses),"
                    + " filtered by drug, indication, endpoint and model system, with derived numbers: the exact"
                    + " Clopper-Pearson and Wilson intervals of every rate stated as n/N (rates as fractions).",
            "With --contrasts: arm-versus-arm contrasts (difference, ratio and, when both arms give n/N,"
                    + " Newcombe's interval for the difference and Fisher's exact p)."
        })
final class EvidenceCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--drug", description = "Drug the claim involves (name or code, e.g. defactinib, VS-6063).")
    String drug;

    @Option(names = "--indication", description = "Text the indication contains, case-insensitive (e.g. LGSOC).")
    String indication;

    @Option(
            names = "--endpoint",
            description = "Endpoint code (ORR, DCR, PFS_MEDIAN, PFS_RATE, OS_MEDIAN, CI, ZIP, ...).")
    String endpoint;

    @Option(names = "--model-system", description = "cell_line, organoid, xenograft or patients.")
    String modelSystem;

    @Option(names = "--format", defaultValue = "csv", description = "csv or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", description = "Output file (written atomically); standard output when absent.")
    Path out;

    @Option(names = "--contrasts", description = "Write the arm-versus-arm contrasts instead of the records.")
    boolean contrasts;

    @Option(
            names = "--level",
            defaultValue = "0.95",
            description = "Confidence level in (0, 1). Default: ${DEFAULT-VALUE}.")
    double level;

    @Override
    public Integer call() throws IOException {
        String fmt = format.strip().toLowerCase(Locale.ROOT);
        if (!fmt.equals("csv") && !fmt.equals("json")) {
            throw new InvalidInputException("--format", format, "must be csv or json");
        }
        if (!(level > 0 && level < 1)) {
            throw new InvalidInputException("--level", level, "must be in (0, 1)");
        }
        EvidenceQuery q = EvidenceTables.query(drug, indication, endpoint, modelSystem);
        EvidenceBase base = EvidenceBase.load();
        List<Map<String, Optional<String>>> rows =
                contrasts ? EvidenceTables.contrasts(base, q, level) : EvidenceTables.records(base, q, level);
        List<String> header = contrasts ? EvidenceTables.CONTRAST_COLUMNS : EvidenceTables.recordColumns();
        StringWriter text = new StringWriter();
        if (fmt.equals("csv")) {
            EvidenceTables.writeCsv(text, header, rows);
        } else {
            EvidenceTables.writeJson(text, header, rows);
        }
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            w.print(text);
            w.flush();
        } else {
            writeAtomically(out, text.toString());
        }
        return Main.EXIT_OK;
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
