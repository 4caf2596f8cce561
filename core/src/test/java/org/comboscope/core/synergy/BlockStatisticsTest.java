package org.comboscope.core.synergy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.OptionalDouble;
import org.comboscope.core.doseresponse.SynergyFinderFitter;
import org.comboscope.core.testing.ReferenceBlocks;
import org.junit.jupiter.api.Test;

class BlockStatisticsTest {

    @Test
    void benjaminiHochberg_matchesRsPAdjust() {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2), "BH") = 0.025 0.05 0.05 0.025 0.2
        OptionalDouble[] q = BlockStatistics.benjaminiHochberg(new OptionalDouble[] {
            OptionalDouble.of(0.01),
            OptionalDouble.of(0.04),
            OptionalDouble.empty(),
            OptionalDouble.of(0.03),
            OptionalDouble.of(0.005),
            OptionalDouble.of(0.2)
        });
        assertThat(q[0].getAsDouble()).isCloseTo(0.025, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(q[1].getAsDouble()).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(q[2]).isEmpty();
        assertThat(q[3].getAsDouble()).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(q[4].getAsDouble()).isCloseTo(0.025, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(q[5].getAsDouble()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void summaryInterval_mathews_coversMeanAndIsReproducible() {
        SynergyFinderEngine engine =
                new SynergyFinderEngine(new SynergyFinderFitter(), EnumSet.allOf(SynergyMethod.class), Baseline.NONE);
        BlockSynergy b =
                engine.analyze(ReferenceBlocks.load("mathews_screening_data").get(0));
        BlockStatistics.Interval ci = BlockStatistics.summaryInterval(b, SynergyMethod.ZIP, 0.95, 2000, 7)
                .orElseThrow();
        double mean = b.summaries().get(SynergyMethod.ZIP).mean();
        assertThat(ci.lower()).isLessThan(mean);
        assertThat(ci.upper()).isGreaterThan(mean);
        // Width close to the normal-theory interval 2·1.96·sd/sqrt(25) (sd 9.30 over 25 cells).
        assertThat(ci.upper() - ci.lower()).isBetween(5.5, 8.5);
        assertThat(BlockStatistics.summaryInterval(b, SynergyMethod.ZIP, 0.95, 2000, 7)
                        .orElseThrow())
                .isEqualTo(ci);
    }
}
