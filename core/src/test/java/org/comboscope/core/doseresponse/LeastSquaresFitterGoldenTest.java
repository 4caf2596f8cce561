package org.comboscope.core.doseresponse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.comboscope.core.testing.RefCsv;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --fit optimal} on every reference fit: the RSS is never worse than drc's, and it reaches
 * the reference's polished optimum (BFGS at reltol 1e-16, nlminb, Nelder–Mead; spec §7).
 */
class LeastSquaresFitterGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"mathews_screening_data", "ONEIL_replicate_mean", "NCATS_screening_data_as_viability"})
    void optimal_referenceFits_neverWorseThanDrcAndReachPolishedOptimum(String dataset) {
        // The polished file lists, per block, the single-drug fits and then the line fits.
        List<DrcTraceGoldenTest.Case> cases = new ArrayList<>(DrcTraceGoldenTest.cases(dataset));
        cases.sort(java.util.Comparator.comparing(
                        (DrcTraceGoldenTest.Case c) -> Integer.parseInt(c.ref().get("block_id")))
                .thenComparing(c -> c.ref().get("kind").equals("single_drug") ? 0 : 1));
        List<Map<String, String>> polished =
                RefCsv.read("/synergyfinder/" + dataset + "/optimizer_sensitivity_fits.csv");
        assertThat(polished).hasSameSizeAs(cases);
        LeastSquaresFitter fitter = new LeastSquaresFitter();
        List<String> worse = new ArrayList<>();
        int reached = 0;
        double worstGap = 0;
        for (int i = 0; i < cases.size(); i++) {
            DrcTraceGoldenTest.Case c = cases.get(i);
            Map<String, String> p = polished.get(i);
            assertThat(p.get("model")).isEqualTo(c.ref().get("model"));
            CurveFit fit = fitter.fit(c.dose(), c.resp(), c.fixedC(), OptionalDouble.empty());
            double rssDrc = RefCsv.num(p.get("rss_drc"));
            double rssPolished = RefCsv.num(p.get("rss_polished"));
            if (fit.rss() > rssDrc * (1 + 1e-12) + 1e-12) {
                worse.add(c.label() + " rss " + fit.rss() + " > drc " + rssDrc);
            }
            double gap = (fit.rss() - rssPolished) / Math.max(rssPolished, 1e-12);
            worstGap = Math.max(worstGap, gap);
            if (gap <= 1e-6) {
                reached++;
            }
        }
        System.out.printf(
                "optimal fits %s: %d fits, worse than drc: %d, within 1e-6 of (or below) the polished optimum: %d;"
                        + " worst relative gap to polished %.3g%n",
                dataset, cases.size(), worse.size(), reached, worstGap);
        worse.stream().limit(5).forEach(System.out::println);
        assertThat(worse).as("fits whose RSS is worse than drc's").isEmpty();
    }
}
