package org.comboscope.core.doseresponse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.comboscope.core.matrix.DoseResponseBlock;
import org.comboscope.core.testing.RefCsv;
import org.comboscope.core.testing.ReferenceBlocks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every drc fit SynergyFinder made on the reference datasets (drc_fit_trace.csv: single-drug and
 * ZIP line fits), refitted here.
 *
 * <p>Asserted for every fit: the LL.4/L.4 choice, drc's scalings, and drc's start values (1e-14
 * relative; bit-identical for all but 4, measured worst 1.3e-15). Fitted values within 1e-6
 * percentage points: 1,423 of the 1,424 reference fits (100 % mathews, ONEIL and NCATS; 685 of 686
 * NCATS read as viability); optim's function and gradient counts are identical to drc's for 1,423
 * (one NCATS fit agrees to 1e-6 with other counts). The exception follows drc's path to the same
 * counts (237/125) from start values
 * 8e-16 (relative) away from drc's — R's {@code lm} in the self-starter rounds differently in the
 * last bit on that line — and ends 4.8e-6 away on a flat surface. The floors asserted (99.9 %
 * overall, every dataset at least 99.5 %) are the measured state, so any regression fails.
 */
class DrcTraceGoldenTest {
    static final double FITTED_TOL = 1e-6;
    static final int[] TOTAL = new int[2];

    @org.junit.jupiter.api.AfterAll
    static void overall() {
        System.out.printf("drc agreement overall: %d of %d fits within 1e-6%n", TOTAL[1], TOTAL[0]);
        if (TOTAL[0] == 1424) {
            assertThat((double) TOTAL[1] / TOTAL[0]).isGreaterThanOrEqualTo(0.999);
        }
    }

    static final double START_REL_TOL = 1e-14;

    record Case(String label, double[] dose, double[] resp, OptionalDouble fixedC, Map<String, String> ref) {}

    static List<Case> cases(String dataset) {
        List<DoseResponseBlock> blocks = ReferenceBlocks.load(dataset);
        List<Case> out = new ArrayList<>();
        for (Map<String, String> r : RefCsv.read("/synergyfinder/" + dataset + "/drc_fit_trace.csv")) {
            DoseResponseBlock blk = blocks.stream()
                    .filter(b -> b.blockId().equals(r.get("block_id")))
                    .findFirst()
                    .orElseThrow();
            int k = blk.drugCount();
            List<double[]> pts = new ArrayList<>();
            OptionalDouble fixedC = OptionalDouble.empty();
            int varied;
            double[] other = new double[k];
            if (r.get("kind").equals("single_drug")) {
                varied = Integer.parseInt(r.get("line").replace("drug", "")) - 1;
            } else {
                // "vary conc1; conc2=50, conc3=0"
                String[] parts = r.get("line").split(";");
                varied = Integer.parseInt(parts[0].trim().replace("vary conc", "")) - 1;
                for (String kv : parts[1].split(",")) {
                    String[] a = kv.trim().split("=");
                    other[Integer.parseInt(a[0].replace("conc", "")) - 1] = Double.parseDouble(a[1]);
                }
                fixedC = OptionalDouble.of(Double.parseDouble(r.get("c_fixed")));
            }
            for (int i = 0; i < blk.rowCount(); i++) {
                boolean on = true;
                for (int d = 0; d < k; d++) {
                    if (d != varied && !close(blk.conc(i, d), other[d])) {
                        on = false;
                    }
                }
                if (on) {
                    pts.add(new double[] {blk.conc(i, varied), blk.response(i)});
                }
            }
            double[] dose = pts.stream().mapToDouble(p -> p[0]).toArray();
            double[] resp = pts.stream().mapToDouble(p -> p[1]).toArray();
            assertThat(dose.length).as(r.get("line")).isEqualTo(Integer.parseInt(r.get("n")));
            out.add(new Case(dataset + " block " + r.get("block_id") + " " + r.get("line"), dose, resp, fixedC, r));
        }
        return out;
    }

    static boolean close(double a, double b) {
        return a == b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    }

    static DoseResponseCurve refCurve(Map<String, String> r) {
        double b = RefCsv.num(r.get("b"));
        double c = RefCsv.num(r.get("c"));
        double d = RefCsv.num(r.get("d"));
        double e = RefCsv.num(r.get("e"));
        return r.get("model").equals("LL.4") ? DoseResponseCurve.ll4(b, c, d, e) : DoseResponseCurve.l4(b, c, d, e);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mathews_screening_data",
                "ONEIL_replicate_mean",
                "NCATS_screening_data",
                "NCATS_screening_data_as_viability"
            })
    void refit_referenceTrace_agreesWithDrc(String dataset) {
        SynergyFinderFitter fitter = new SynergyFinderFitter();
        List<Case> cases = cases(dataset);
        int fittedOk = 0;
        int ic50Ok = 0;
        int countsOk = 0;
        int exactStarts = 0;
        int exactStartOk = 0;
        int[] hist = new int[8];
        double worstStart = 0;
        double worstFitted = 0;
        String worstLabel = "";
        List<String> modelMismatch = new ArrayList<>();
        List<String> scalingMismatch = new ArrayList<>();
        for (Case c : cases) {
            Map<String, String> r = c.ref();
            CurveFit fit = fitter.fit(c.dose(), c.resp(), c.fixedC(), OptionalDouble.empty());
            if (!fit.curve().model().label().equals(r.get("model"))) {
                modelMismatch.add(c.label());
                continue;
            }
            if (fit.trace().doseScaling() != RefCsv.num(r.get("dose_scaling"))
                    || fit.trace().responseScaling() != RefCsv.num(r.get("resp_scaling"))) {
                scalingMismatch.add(c.label());
            }
            double[] st = fit.trace().start();
            String[] names = {"start_b", "start_c", "start_d", "start_e"};
            double thisStart = 0;
            for (int k = 0; k < 4; k++) {
                double ref = RefCsv.num(r.get(names[k]));
                if (!(Double.isNaN(ref) && Double.isNaN(st[k]))) {
                    thisStart = Math.max(thisStart, Math.abs(st[k] - ref) / Math.abs(ref));
                }
            }
            worstStart = Math.max(worstStart, thisStart);
            boolean exactStart = thisStart == 0;
            DoseResponseCurve ref = refCurve(r);
            double maxDiff = 0;
            for (int i = 0; i < c.dose().length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(fit.fitted(i) - ref.fittedAt(c.dose()[i])));
            }
            hist[Math.min(7, Math.max(0, (int) Math.floor(-Math.log10(maxDiff + 1e-300) / 2)))]++;
            if (maxDiff <= FITTED_TOL) {
                fittedOk++;
            } else {
                System.out.println("drc mismatch " + c.label() + " " + r.get("model") + " n=" + c.dose().length
                        + " diff=" + maxDiff
                        + " fn/gr ours " + fit.trace().functionCount() + "/"
                        + fit.trace().gradientCount() + " ref "
                        + r.get("optim_fn_count") + "/" + r.get("optim_gr_count") + " startRel " + thisStart);
            }
            if (exactStart) {
                exactStarts++;
                if (maxDiff <= FITTED_TOL) {
                    exactStartOk++;
                }
            }
            if (maxDiff > worstFitted) {
                worstFitted = maxDiff;
                worstLabel = c.label();
            }
            if (Math.abs(fit.curve().ec50() - ref.ec50()) <= 1e-6 * Math.abs(ref.ec50())) {
                ic50Ok++;
            }
            if (fit.trace().functionCount() == Integer.parseInt(r.get("optim_fn_count"))
                    && fit.trace().gradientCount() == Integer.parseInt(r.get("optim_gr_count"))) {
                countsOk++;
            }
        }
        int n = cases.size();
        System.out.println("exact starts " + exactStarts + " of which within tol " + exactStartOk);
        System.out.printf(
                "drc agreement %s: %d fits; model choice identical %d; fitted within 1e-6: %d (%.1f%%);"
                        + " EC50 within 1e-6 rel: %d; optim counts identical: %d; worst start rel diff %.2e;"
                        + " worst fitted diff %.3g (%s); histogram of max |diff| by decade pairs"
                        + " [>=1e-2, 1e-4.., 1e-6.., 1e-8.., 1e-10.., 1e-12.., 1e-14.., <1e-14]: %s%n",
                dataset,
                n,
                n - modelMismatch.size(),
                fittedOk,
                100.0 * fittedOk / n,
                ic50Ok,
                countsOk,
                worstStart,
                worstFitted,
                worstLabel,
                Arrays.toString(hist));
        assertThat(modelMismatch)
                .as("fits whose LL.4/L.4 choice differs from drc")
                .isEmpty();
        assertThat(scalingMismatch)
                .as("fits whose dose/response scaling differs from drc")
                .isEmpty();
        assertThat(worstStart).as("worst relative difference of a start value").isLessThan(START_REL_TOL);
        assertThat((double) fittedOk / n)
                .as("share of fits with fitted values within 1e-6")
                .isGreaterThanOrEqualTo(0.995);
        TOTAL[0] += n;
        TOTAL[1] += fittedOk;
    }
}
