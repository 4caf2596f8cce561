package org.comboscope.core.doseresponse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** {@link ReferenceArithmetic}'s exp and log against glibc's results (bit patterns). */
class ReferenceArithmeticTest {

    private static List<double[]> pairs(String name) throws IOException {
        List<double[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(ReferenceArithmeticTest.class.getResourceAsStream("/glibc/" + name)),
                StandardCharsets.US_ASCII))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                out.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            }
        }
        return out;
    }

    private static List<String> mismatches(List<double[]> pairs, DoubleUnaryOperator f) {
        List<String> bad = new ArrayList<>();
        for (double[] p : pairs) {
            double got = f.applyAsDouble(p[0]);
            if (Double.doubleToRawLongBits(got) != Double.doubleToRawLongBits(p[1])) {
                bad.add(Double.toHexString(p[0]) + " -> " + Double.toHexString(got) + " (glibc "
                        + Double.toHexString(p[1]) + ")");
            }
        }
        return bad;
    }

    @Test
    void log_everyArgument_returnsGlibcsBitPattern() throws IOException {
        List<double[]> pairs = pairs("glibc_log.csv");
        assertThat(pairs).hasSizeGreaterThan(7000);
        assertThat(mismatches(pairs, ReferenceArithmetic::log)).isEmpty();
        // The file is built to contain arguments where a correctly-rounded-ish log disagrees.
        assertThat(mismatches(pairs, Math::log)).hasSizeGreaterThan(3000);
    }

    @Test
    void exp_everyArgument_returnsGlibcsBitPattern() throws IOException {
        List<double[]> pairs = pairs("glibc_exp.csv");
        assertThat(pairs).hasSizeGreaterThan(7000);
        assertThat(mismatches(pairs, ReferenceArithmetic::exp)).isEmpty();
        assertThat(mismatches(pairs, Math::exp)).hasSizeGreaterThan(3000);
    }

    @Test
    void extendedSum_nonNegativeTerms_equalsStepByStepX87Emulation() {
        java.util.Random rnd = new java.util.Random(20261206L);
        ReferenceArithmetic.LongDoubleSum slow = new ReferenceArithmetic.LongDoubleSum();
        ReferenceArithmetic.LongDoubleSum forFast = new ReferenceArithmetic.LongDoubleSum();
        int differsFromDoubleSum = 0;
        for (int k = 0; k < 200_000; k++) {
            int n = 2 + rnd.nextInt(11);
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                double r = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(9) - 4);
                // Squares as in a residual sum; every fourth vector is built to sit near a halfway point.
                t[i] = r * r;
            }
            if (k % 4 == 0) {
                double s = 0;
                for (int i = 0; i < n - 1; i++) {
                    s += t[i];
                }
                t[n - 1] = Math.max(0, Math.ulp(s) * (0.5 + (rnd.nextInt(3) - 1) * 0x1p-12));
            }
            slow.reset();
            double plain = 0;
            for (int i = 0; i < n; i++) {
                slow.add(t[i]);
                plain += t[i];
            }
            double expected = slow.value();
            assertThat(ReferenceArithmetic.extendedSum(t, n, forFast))
                    .as("terms %s", java.util.Arrays.toString(t))
                    .isEqualTo(expected);
            if (plain != expected) {
                differsFromDoubleSum++;
            }
        }
        // The extended-precision sum really differs from a double-precision loop on such data.
        assertThat(differsFromDoubleSum).isGreaterThan(1000);
    }

    @Test
    void log_specialArguments_followIeee() {
        assertThat(ReferenceArithmetic.log(1.0)).isEqualTo(0.0);
        assertThat(ReferenceArithmetic.log(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ReferenceArithmetic.log(-1.0)).isNaN();
        assertThat(ReferenceArithmetic.log(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ReferenceArithmetic.log(Double.MIN_VALUE)).isEqualTo(Math.log(Double.MIN_VALUE));
        assertThat(ReferenceArithmetic.log(Math.E)).isEqualTo(1.0);
    }
}
