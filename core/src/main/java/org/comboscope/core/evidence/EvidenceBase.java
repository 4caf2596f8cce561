package org.comboscope.core.evidence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.error.InvalidInputException;

/**
 * The curated evidence base: the records of {@code evidence.tsv}, in file order, with queries and
 * derived contrasts.
 *
 * <p>The file is tab-separated UTF-8 with the header {@link #COLUMNS}; no quoting (fields never
 * contain tabs); lines starting with {@code #} and blank lines are ignored. {@code drugs} and
 * {@code ref} are {@code ;}-separated lists; {@code n} and {@code N} are both empty or both
 * integers.
 */
public final class EvidenceBase {
    /** The bundled data file's name, beside this class on the class path. */
    public static final String RESOURCE = "evidence.tsv";

    /** The columns of the data file, in order. */
    public static final List<String> COLUMNS = List.of(
            "id",
            "seed",
            "ref",
            "study",
            "nct",
            "phase",
            "indication",
            "population",
            "drugs",
            "doses",
            "schedule",
            "setting",
            "model_system",
            "model",
            "endpoint",
            "endpoint_detail",
            "value",
            "unit",
            "n",
            "N",
            "comparator",
            "contrast",
            "note",
            "quote");

    private final List<EvidenceRecord> records;

    private EvidenceBase(List<EvidenceRecord> records) {
        this.records = List.copyOf(records);
    }

    /**
     * Loads the bundled evidence base.
     *
     * @throws DataFormatException if the bundled file is malformed (a build defect)
     */
    public static EvidenceBase load() {
        try (InputStream in = EvidenceBase.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new DataFormatException(RESOURCE, 0, null, "resource missing from the class path");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses an evidence file.
     *
     * @param file name used in error messages
     * @throws DataFormatException with file, line and column for a wrong header, a wrong number of
     *     fields, a field that breaks a rule of {@link EvidenceRecord}, a repeated id, a duplicate
     *     claim (same seed, study, population, drugs, setting, model, endpoint, endpoint detail and
     *     value) or a contrast key not shared by exactly two compatible records
     * @throws IOException if reading fails
     */
    public static EvidenceBase parse(Reader reader, String file) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        String header = in.readLine();
        if (header == null) {
            throw new DataFormatException(file, 1, null, "empty file, expected header " + String.join("\t", COLUMNS));
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        List<String> got = Arrays.asList(header.split("\t", -1));
        if (!got.equals(COLUMNS)) {
            throw new DataFormatException(
                    file, 1, null, "header must be " + String.join(",", COLUMNS) + ", was " + String.join(",", got));
        }
        List<EvidenceRecord> out = new ArrayList<>();
        Map<String, Integer> idLine = new HashMap<>();
        Map<String, EvidenceRecord> claimKey = new HashMap<>();
        Map<String, List<EvidenceRecord>> contrasts = new LinkedHashMap<>();
        Map<String, Integer> recordLine = new HashMap<>();
        String line;
        int lineNo = 1;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != COLUMNS.size()) {
                throw new DataFormatException(
                        file, lineNo, null, "expected " + COLUMNS.size() + " tab-separated fields, found " + f.length);
            }
            EvidenceRecord r = record(f, file, lineNo);
            Integer prev = idLine.putIfAbsent(r.id(), lineNo);
            if (prev != null) {
                throw new DataFormatException(file, lineNo, "id", "id " + r.id() + " repeats line " + prev);
            }
            EvidenceRecord same = claimKey.putIfAbsent(claimKey(r), r);
            if (same != null) {
                throw new DataFormatException(
                        file,
                        lineNo,
                        null,
                        "record " + r.id() + " duplicates claim " + same.id() + " of the same seed");
            }
            recordLine.put(r.id(), lineNo);
            if (!r.contrast().isEmpty()) {
                contrasts.computeIfAbsent(r.contrast(), k -> new ArrayList<>()).add(r);
            }
            out.add(r);
        }
        for (Map.Entry<String, List<EvidenceRecord>> e : contrasts.entrySet()) {
            List<EvidenceRecord> arms = e.getValue();
            int at = recordLine.get(arms.get(arms.size() - 1).id());
            if (arms.size() != 2) {
                throw new DataFormatException(
                        file,
                        at,
                        "contrast",
                        "contrast " + e.getKey() + " must have exactly 2 records, has " + arms.size());
            }
            try {
                Contrast.of(arms.get(0), arms.get(1), 0.95);
            } catch (InvalidInputException ex) {
                throw new DataFormatException(file, at, "contrast", ex.getMessage(), ex);
            }
        }
        return new EvidenceBase(out);
    }

    private static String claimKey(EvidenceRecord r) {
        return String.join(
                "\u0001",
                r.seed(),
                r.study(),
                r.population(),
                String.join(";", r.drugs()),
                r.setting().code(),
                r.model(),
                r.endpoint(),
                r.endpointDetail(),
                r.valueText());
    }

    private static EvidenceRecord record(String[] f, String file, int line) {
        String column = "id";
        try {
            column = "ref";
            List<Integer> refs = new ArrayList<>();
            for (String s : f[2].split(";", -1)) {
                refs.add(Integer.parseInt(s.strip()));
            }
            column = "drugs";
            List<String> drugs = new ArrayList<>();
            for (String s : f[8].split(";", -1)) {
                drugs.add(Drugs.canonical(s));
            }
            column = "setting";
            Setting setting = Setting.parse(f[11]);
            column = "model_system";
            ModelSystem system = ModelSystem.parse(f[12]);
            column = "value";
            double value = Double.parseDouble(f[16]);
            column = "n";
            Optional<Count> count;
            if (f[18].isEmpty() && f[19].isEmpty()) {
                count = Optional.empty();
            } else if (f[18].isEmpty() || f[19].isEmpty()) {
                throw new InvalidInputException("n/N", f[18] + "/" + f[19], "must both be given or both be empty");
            } else {
                count = Optional.of(new Count(Integer.parseInt(f[18]), Integer.parseInt(f[19])));
            }
            column = null;
            return new EvidenceRecord(
                    f[0], f[1], refs, f[3], f[4], f[5], f[6], f[7], drugs, f[9], f[10], setting, system, f[13], f[14],
                    f[15], f[16], value, f[17], count, f[20], f[21], f[22], f[23]);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, column, "not a number: " + e.getMessage(), e);
        } catch (InvalidInputException e) {
            throw new DataFormatException(file, line, column == null ? e.field() : column, e.getMessage(), e);
        }
    }

    /** All records in file order (unmodifiable). */
    public List<EvidenceRecord> records() {
        return records;
    }

    /** The records that match {@code q}, in file order. */
    public List<EvidenceRecord> query(EvidenceQuery q) {
        return records.stream().filter(q::matches).toList();
    }

    /** The record with this id, if any. */
    public Optional<EvidenceRecord> byId(String id) {
        return records.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * Every arm-versus-arm contrast (pairs of records sharing a {@code contrast} key), in the order
     * their first record appears, with intervals at {@code level}.
     */
    public List<Contrast> contrasts(double level) {
        Map<String, List<EvidenceRecord>> groups = new LinkedHashMap<>();
        for (EvidenceRecord r : records) {
            if (!r.contrast().isEmpty()) {
                groups.computeIfAbsent(r.contrast(), k -> new ArrayList<>()).add(r);
            }
        }
        return groups.values().stream()
                .map(g -> Contrast.of(g.get(0), g.get(1), level))
                .toList();
    }
}
