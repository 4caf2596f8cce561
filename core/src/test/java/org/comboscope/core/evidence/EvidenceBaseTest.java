package org.comboscope.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.response.ArmComparison;
import org.comboscope.core.response.ResponseRate;
import org.junit.jupiter.api.Test;

/** Validator of the curated evidence base against copies of the seed documents. */
class EvidenceBaseTest {
    private static final EvidenceBase BASE = EvidenceBase.load();
    private static final Map<String, String> NUMBER_WORDS = Map.of("1", "one", "2", "two", "3", "three");

    private static String resource(String name) throws IOException {
        try (InputStream in = EvidenceBaseTest.class.getResourceAsStream("/evidence/" + name)) {
            assertThat(in).as("test resource /evidence/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Collapses whitespace and drops markdown bold, as the README says quotes are stored. */
    private static String normalise(String s) {
        return s.replace("**", "").replaceAll("\\s+", " ").strip();
    }

    private static List<String> seedList() throws IOException {
        return resource("seeds/SEEDS.txt").lines().filter(l -> !l.isBlank()).toList();
    }

    private static EvidenceRecord get(String id) {
        return BASE.byId(id).orElseThrow(() -> new AssertionError("no record " + id));
    }

    @Test
    void load_bundled_hasEveryCuratedRecordWithUniqueIds() {
        assertThat(BASE.records()).hasSize(47);
        Set<String> ids = new HashSet<>();
        for (EvidenceRecord r : BASE.records()) {
            assertThat(ids.add(r.id())).as("duplicate id %s", r.id()).isTrue();
        }
    }

    @Test
    void records_noDuplicateClaims() {
        Set<List<Object>> keys = new HashSet<>();
        for (EvidenceRecord r : BASE.records()) {
            List<Object> key = List.of(
                    r.seed(),
                    r.study(),
                    r.population(),
                    r.drugs(),
                    r.setting(),
                    r.model(),
                    r.endpoint(),
                    r.endpointDetail(),
                    r.valueText());
            assertThat(keys.add(key)).as("record %s repeats a claim", r.id()).isTrue();
        }
    }

    @Test
    void records_everySeedCitedAndEveryCitedSeedInTheList() throws IOException {
        List<String> seeds = seedList();
        assertThat(seeds).hasSize(5);
        Set<String> cited = new TreeSet<>();
        for (EvidenceRecord r : BASE.records()) {
            assertThat(seeds).as("seed of %s", r.id()).contains(r.seed());
            cited.add(r.seed());
        }
        assertThat(cited).containsExactlyElementsOf(new TreeSet<>(seeds));
    }

    @Test
    void records_quoteAppearsVerbatimInTheCitedSeed() throws IOException {
        List<String> missing = new ArrayList<>();
        for (EvidenceRecord r : BASE.records()) {
            String seed = normalise(resource("seeds/" + r.seed()));
            if (!seed.contains(normalise(r.quote()))) {
                missing.add(r.id() + ": " + r.quote());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void records_valueAppearsInTheQuote() {
        for (EvidenceRecord r : BASE.records()) {
            String q = r.quote().toLowerCase(java.util.Locale.ROOT);
            Pattern number = Pattern.compile("(?<![0-9.])" + Pattern.quote(r.valueText()) + "(?![0-9])");
            boolean found = number.matcher(q).find()
                    || (NUMBER_WORDS.containsKey(r.valueText()) && q.contains(NUMBER_WORDS.get(r.valueText())));
            assertThat(found)
                    .as("%s: value %s in quote '%s'", r.id(), r.valueText(), r.quote())
                    .isTrue();
            r.count().ifPresent(c -> {
                boolean slash = q.contains(c.events() + "/" + c.total()) || q.contains(c.events() + " of " + c.total());
                boolean noted = r.note().startsWith("N = ")
                        || r.note().contains("; N = ")
                        || r.note().contains("n = ");
                assertThat(slash || noted)
                        .as("%s: count %d/%d stated in quote or explained in note", r.id(), c.events(), c.total())
                        .isTrue();
            });
        }
    }

    @Test
    void records_referenceNumbersExistInTheSeedsReferenceList() throws IOException {
        for (EvidenceRecord r : BASE.records()) {
            String text = resource("seeds/" + r.seed());
            String refs = text.substring(text.lastIndexOf("References"));
            for (int ref : r.refs()) {
                Matcher m = Pattern.compile("(?m)^\\s*(?:-\\s*)?" + ref + "\\.\\s+\\S")
                        .matcher(refs);
                assertThat(m.find())
                        .as("%s cites [%d] of %s", r.id(), ref, r.seed())
                        .isTrue();
            }
        }
    }

    @Test
    void records_requiredFieldsPresent() {
        for (EvidenceRecord r : BASE.records()) {
            assertThat(List.of(r.study(), r.indication(), r.endpoint(), r.endpointDetail(), r.valueText(), r.quote()))
                    .as(r.id())
                    .allSatisfy(s -> assertThat(s).isNotBlank());
            assertThat(r.refs()).as(r.id()).isNotEmpty();
            assertThat(r.drugs()).as(r.id()).isNotEmpty();
            if (r.modelSystem() == ModelSystem.PATIENTS) {
                assertThat(r.model())
                        .as("%s: patients need no model name", r.id())
                        .isEmpty();
            } else {
                assertThat(r.model())
                        .as("%s: preclinical record names its model", r.id())
                        .isNotBlank();
            }
        }
    }

    @Test
    void percentages_matchStatedCountsExceptFlaggedSeedDiscrepancies() {
        Set<String> inconsistent = new TreeSet<>();
        Set<String> checked = new TreeSet<>();
        for (EvidenceRecord r : BASE.records()) {
            r.percentMatchesCount().ifPresent(ok -> {
                checked.add(r.id());
                if (!ok) {
                    inconsistent.add(r.id());
                }
            });
        }
        Set<String> flagged = new TreeSet<>();
        for (EvidenceRecord r : BASE.records()) {
            if (r.note().contains("rounding discrepancy in the seed")) {
                flagged.add(r.id());
            }
        }
        assertThat(checked).containsExactly("S2-01", "S2-08", "S2-15", "S2-17", "S4-01", "S4-03");
        // 15/55 = 27.27 %, both seeds print 28 %: kept as written, flagged, and caught here
        assertThat(inconsistent).isEqualTo(flagged).containsExactly("S2-01", "S4-03");
    }

    @Test
    void percentMatchesCount_usesTheStatedDecimals() {
        EvidenceRecord frame = get("S4-01");
        assertThat(frame.percentMatchesCount()).contains(true);
        // 42.3 written with one decimal: 11/26 = 42.307... is within 0.05; 42.4 would not be
        EvidenceRecord shifted = withValue(frame, "42.4");
        assertThat(shifted.percentMatchesCount()).contains(false);
        assertThat(get("S2-04").percentMatchesCount()).isEmpty();
    }

    private static EvidenceRecord withValue(EvidenceRecord r, String v) {
        return new EvidenceRecord(
                r.id(),
                r.seed(),
                r.refs(),
                r.study(),
                r.nct(),
                r.phase(),
                r.indication(),
                r.population(),
                r.drugs(),
                r.doses(),
                r.schedule(),
                r.setting(),
                r.modelSystem(),
                r.model(),
                r.endpoint(),
                r.endpointDetail(),
                v,
                Double.parseDouble(v),
                r.unit(),
                r.count(),
                r.comparator(),
                r.contrast(),
                r.note(),
                r.quote());
    }

    @Test
    void spotChecks_claimsQuotedFromTheSeeds() {
        EvidenceRecord frame = get("S4-01");
        assertThat(frame.study()).isEqualTo("FRAME");
        assertThat(frame.nct()).isEqualTo("NCT03875820");
        assertThat(frame.phase()).isEqualTo("1");
        assertThat(frame.endpoint()).isEqualTo("ORR");
        assertThat(frame.valueText()).isEqualTo("42.3");
        assertThat(frame.unit()).isEqualTo("%");
        assertThat(frame.count()).contains(new Count(11, 26));
        assertThat(frame.drugs()).containsExactly("avutometinib", "defactinib");
        assertThat(get("S4-02").valueText()).isEqualTo("20.1");
        assertThat(get("S4-02").unit()).isEqualTo("months");

        EvidenceRecord ramp205 = get("S2-15");
        assertThat(ramp205.study()).isEqualTo("RAMP 205");
        assertThat(ramp205.nct()).isEqualTo("NCT05669482");
        assertThat(ramp205.phase()).isEqualTo("1b/2a");
        assertThat(ramp205.valueText()).isEqualTo("83");
        assertThat(ramp205.count()).contains(new Count(10, 12));
        assertThat(ramp205.drugs()).contains("gemcitabine", "nab-paclitaxel");

        EvidenceRecord armU = get("S2-08");
        assertThat(armU.study()).isEqualTo("NCI-MATCH (EAY131) Arm U");
        assertThat(armU.valueText()).isEqualTo("3");
        assertThat(armU.count()).contains(new Count(1, 31));
        assertThat(armU.setting()).isEqualTo(Setting.MONOTHERAPY);

        EvidenceRecord nsclc = get("S2-01");
        assertThat(nsclc.endpoint()).isEqualTo("PFS_RATE");
        assertThat(nsclc.count()).contains(new Count(15, 55));
        assertThat(get("S2-02").valueText()).isEqualTo("45");
        assertThat(get("S2-02").unit()).isEqualTo("days");

        assertThat(get("S2-04").valueText()).isEqualTo("4.1");
        assertThat(get("S2-05").valueText()).isEqualTo("4.0");
        assertThat(get("S2-05").setting()).isEqualTo(Setting.PLACEBO);
        assertThat(get("S2-06").valueText()).isEqualTo("12.7");
        assertThat(get("S2-07").valueText()).isEqualTo("13.6");

        assertThat(get("S1-05").valueText()).isEqualTo("45");
        assertThat(get("S1-06").valueText()).isEqualTo("10");
        assertThat(get("S1-06").drugs()).containsExactly("avutometinib");
        assertThat(get("S1-01").valueText()).isEqualTo("0.51");
        assertThat(get("S1-03").valueText()).isEqualTo("11.681");
        assertThat(get("S1-04").drugs()).containsExactly("avutometinib", "vs-4718");
        assertThat(get("S0-01").model()).isEqualTo("OVCAR3");
        assertThat(get("S0-01").unit()).isEqualTo("μM");
        assertThat(get("S3-02").doses()).contains("defactinib 200 mg orally");
    }

    @Test
    void rate_everyCountedRate_matchesRBinomTestExactInterval() throws IOException {
        // "label","x","n","rate","lower","upper" from R binom.test
        Map<String, double[]> reference = new java.util.HashMap<>();
        for (String line : resource("orr_exact.csv").lines().skip(1).toList()) {
            String[] c = line.replace("\"", "").split(",");
            reference.put(
                    c[1] + "/" + c[2],
                    new double[] {Double.parseDouble(c[3]), Double.parseDouble(c[4]), Double.parseDouble(c[5])});
        }
        Set<String> compared = new TreeSet<>();
        for (EvidenceRecord r : BASE.records()) {
            if (r.count().isEmpty()) {
                assertThat(r.rate(0.95)).isEmpty();
                continue;
            }
            Count c = r.count().get();
            ResponseRate rate = r.rate(0.95).orElseThrow();
            assertThat(rate.rate()).isEqualTo(c.fraction());
            assertThat(rate.exact().lower()).isLessThanOrEqualTo(rate.rate());
            assertThat(rate.exact().upper()).isGreaterThanOrEqualTo(rate.rate());
            double[] ref = reference.get(c.events() + "/" + c.total());
            if (ref != null) {
                compared.add(c.events() + "/" + c.total());
                assertThat(rate.exact().lower()).as(r.id()).isCloseTo(ref[1], within(1e-9 * Math.max(ref[1], 1e-300)));
                assertThat(rate.exact().upper()).as(r.id()).isCloseTo(ref[2], within(1e-9 * ref[2]));
            }
        }
        assertThat(compared).containsExactlyInAnyOrder("11/26", "10/12", "15/55", "1/31");
    }

    @Test
    void contrasts_bundled_areComputedFromTheArms() {
        List<Contrast> cs = BASE.contrasts(0.95);
        assertThat(cs).extracting(Contrast::key).containsExactly("S1-RAMP201-ORR", "S2-COMMAND-PFS", "S2-COMMAND-OS");
        Contrast ramp = cs.get(0);
        assertThat(ramp.armA().id()).isEqualTo("S1-05");
        assertThat(ramp.armB().id()).isEqualTo("S1-06");
        assertThat(ramp.difference()).isEqualTo(35.0);
        assertThat(ramp.ratio().getAsDouble()).isEqualTo(4.5);
        assertThat(ramp.comparison()).isEmpty(); // the seed gives no n/N for either arm
        Contrast pfs = cs.get(1);
        assertThat(pfs.armA().setting()).isEqualTo(Setting.MONOTHERAPY);
        assertThat(pfs.armB().setting()).isEqualTo(Setting.PLACEBO);
        assertThat(pfs.difference()).isEqualTo(0.1);
        assertThat(cs.get(2).difference()).isEqualTo(-0.9);
    }

    @Test
    void contrast_bothArmsCounted_usesNewcombeAndFisher() throws IOException {
        String tsv = header()
                + row("S4-01", "combo", "avutometinib;defactinib", "combination", "42.3", "11", "26", "K")
                + row("S4-02", "mono", "avutometinib", "monotherapy", "10", "2", "20", "K");
        Contrast c = EvidenceBase.parse(new StringReader(tsv), "t.tsv")
                .contrasts(0.95)
                .get(0);
        ArmComparison expected = ArmComparison.of(11, 26, 2, 20, 0.95);
        assertThat(c.comparison()).contains(expected);
        assertThat(c.armA().id()).isEqualTo("S4-01");
    }

    @Test
    void query_drugIndicationEndpoint_selectsMatchingRecords() {
        List<String> lgsocOrr =
                BASE
                        .query(EvidenceQuery.all()
                                .withDrug("defactinib")
                                .withIndication("LGSOC")
                                .withEndpoint("ORR"))
                        .stream()
                        .map(EvidenceRecord::id)
                        .toList();
        assertThat(lgsocOrr)
                .containsExactly(
                        "S1-05", "S1-07", "S1-08", "S1-09", "S1-10", "S2-10", "S2-13", "S3-03", "S3-04", "S4-01");
        // alias and case do not matter
        assertThat(BASE.query(EvidenceQuery.all()
                        .withDrug("VS-6063")
                        .withIndication("lgsoc")
                        .withEndpoint("orr")))
                .extracting(EvidenceRecord::id)
                .containsExactlyElementsOf(lgsocOrr);
        assertThat(BASE.query(EvidenceQuery.all().withModelSystem(ModelSystem.ORGANOID)))
                .extracting(EvidenceRecord::id)
                .containsExactly("S1-01", "S1-02", "S1-03", "S1-04");
        assertThat(BASE.query(EvidenceQuery.all().withDrug("palbociclib"))).isEmpty();
        assertThat(BASE.query(EvidenceQuery.all())).hasSize(BASE.records().size());
    }

    private static String header() {
        return String.join("\t", EvidenceBase.COLUMNS) + "\n";
    }

    private static String row(
            String id,
            String study,
            String drugs,
            String setting,
            String value,
            String n,
            String total,
            String contrast) {
        String seed = "00" + id.charAt(1) + "_f945d99e59b93f30.txt";
        return String.join(
                        "\t",
                        id,
                        seed,
                        "1",
                        study,
                        "",
                        "",
                        "Low-grade serous ovarian cancer (LGSOC)",
                        "",
                        drugs,
                        "",
                        "",
                        setting,
                        "patients",
                        "",
                        "ORR",
                        "objective response rate",
                        value,
                        "%",
                        n,
                        total,
                        "",
                        contrast,
                        "",
                        "quoted text")
                + "\n";
    }

    @Test
    void parse_repeatedId_failsWithLine() {
        String tsv = header()
                + row("S4-01", "a", "defactinib", "monotherapy", "10", "", "", "")
                + row("S4-01", "b", "defactinib", "monotherapy", "20", "", "", "");
        assertThatThrownBy(() -> EvidenceBase.parse(new StringReader(tsv), "t.tsv"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("t.tsv")
                .hasMessageContaining("3")
                .hasMessageContaining("repeats line 2");
    }

    @Test
    void parse_duplicateClaimUnderNewId_fails() {
        String tsv = header()
                + row("S4-01", "a", "defactinib", "monotherapy", "10", "", "", "")
                + row("S4-02", "a", "VS-6063", "monotherapy", "10", "", "", "");
        assertThatThrownBy(() -> EvidenceBase.parse(new StringReader(tsv), "t.tsv"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("S4-02 duplicates claim S4-01");
    }

    @Test
    void parse_countWithoutTotal_failsNamingColumn() {
        String tsv = header() + row("S4-01", "a", "defactinib", "monotherapy", "10", "1", "", "");
        assertThatThrownBy(() -> EvidenceBase.parse(new StringReader(tsv), "t.tsv"))
                .isInstanceOf(DataFormatException.class)
                .satisfies(e -> assertThat(((DataFormatException) e).line()).hasValue(2))
                .hasMessageContaining("both be given");
    }

    @Test
    void parse_percentAbove100_fails() {
        String tsv = header() + row("S4-01", "a", "defactinib", "monotherapy", "101", "", "", "");
        assertThatThrownBy(() -> EvidenceBase.parse(new StringReader(tsv), "t.tsv"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("[0, 100]");
    }

    @Test
    void parse_idNotMatchingSeed_fails() {
        String tsv = header()
                + row("S4-01", "a", "defactinib", "monotherapy", "10", "", "", "")
                        .replace("004_", "003_");
        assertThatThrownBy(() -> EvidenceBase.parse(new StringReader(tsv), "t.tsv"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("must start with S3");
    }

    @Test
    void parse_contrastWithOneArm_fails() {
        String tsv = header() + row("S4-01", "a", "defactinib", "monotherapy", "10", "", "", "K");
        assertThatThrownBy(() -> EvidenceBase.parse(new StringReader(tsv), "t.tsv"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("exactly 2 records");
    }

    @Test
    void parse_wrongHeader_failsOnLine1() {
        assertThatThrownBy(() -> EvidenceBase.parse(new StringReader("id\tseed\n"), "t.tsv"))
                .isInstanceOf(DataFormatException.class)
                .satisfies(e -> assertThat(((DataFormatException) e).line()).hasValue(1));
    }
}
