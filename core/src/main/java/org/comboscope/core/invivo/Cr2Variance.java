package org.comboscope.core.invivo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;

/**
 * Cluster-robust (CR2, Bell–McCaffrey) standard errors of the exponential model's growth rates, as
 * {@code clubSandwich::vcovCR(model, type = "CR2")} computes them for the {@code nlme::lme} fit
 * (SynergyLMM's {@code robust = TRUE}), with animals as clusters and the fitted model as working
 * model.
 *
 * <p>With {@code V_i = sigma² (I + lambda t_i t_i')} and {@code w_i = V_i⁻¹ t_i = t_i / (sigma² (1 +
 * lambda s_i))}: the bread is {@code M = (X'V⁻¹X)⁻¹}, diagonal with {@code m_g = Var(beta_g)}; the
 * CR2 adjustment of animal i is {@code A_i = D_i' (D_i S_i D_i')^{-1/2} D_i} with {@code V_i = D_i'
 * D_i} (upper Cholesky factor) and {@code S_i = (I − H)_i V (I − H)_i'}, which for this model reduces
 * to {@code V_i − m_g t_i t_i'} (own derivation: other animals of the group contribute {@code m_g²
 * (1/m_g − c_i) t_i t_i'}); animals of other groups do not enter. The robust variance is {@code m_g²
 * Σ_{i in g} (w_i' A_i e_i)²} with marginal residuals {@code e_i = y_i − beta_g t_i}; the robust
 * covariance is diagonal like the model one. Point estimates are unchanged.
 */
public final class Cr2Variance {
    private Cr2Variance() {}

    /** CR2 standard errors of the rates of {@code fit} (fitted to {@code rows}), role order. */
    public static double[] standardErrors(List<RelativeVolume> rows, ExponentialFit fit) {
        Map<String, List<RelativeVolume>> animals = new LinkedHashMap<>();
        for (RelativeVolume r : rows) {
            animals.computeIfAbsent(r.animalId(), k -> new ArrayList<>()).add(r);
        }
        double[] beta = fit.rates();
        double[] se = fit.standardErrors();
        double s2 = fit.sigma() * fit.sigma();
        double lambda = fit.lambda();
        double[] meat = new double[beta.length];
        for (List<RelativeVolume> a : animals.values()) {
            int g = a.get(0).role().ordinal();
            int n = a.size();
            double[] t = new double[n];
            double[] e = new double[n];
            double s = 0;
            for (int j = 0; j < n; j++) {
                t[j] = a.get(j).time();
                e[j] = a.get(j).logRtv() - beta[g] * t[j];
                s += t[j] * t[j];
            }
            double m = se[g] * se[g];
            double[][] v = new double[n][n];
            double[][] sm = new double[n][n];
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    v[j][k] = s2 * ((j == k ? 1 : 0) + lambda * t[j] * t[k]);
                    sm[j][k] = v[j][k] - m * t[j] * t[k];
                }
            }
            RealMatrix d = new CholeskyDecomposition(new Array2DRowRealMatrix(v, false)).getLT();
            RealMatrix b = d.multiply(new Array2DRowRealMatrix(sm, false)).multiplyTransposed(d);
            RealMatrix a2 = d.transposeMultiply(inverseSqrt(b)).multiply(d);
            double[] ae = a2.operate(e);
            double u = 0;
            double f = 1 / (s2 * (1 + lambda * s));
            for (int j = 0; j < n; j++) {
                u += t[j] * f * ae[j];
            }
            meat[g] += u * u;
        }
        double[] out = new double[beta.length];
        for (int g = 0; g < beta.length; g++) {
            double m = se[g] * se[g];
            out[g] = Math.sqrt(m * m * meat[g]);
        }
        return out;
    }

    /** {@code B^{-1/2}} of a symmetric positive definite matrix by its eigen-decomposition. */
    private static RealMatrix inverseSqrt(RealMatrix b) {
        RealMatrix sym = b.add(b.transpose()).scalarMultiply(0.5);
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(sym);
        double[] ev = eig.getEigenvalues();
        int n = ev.length;
        double[][] out = new double[n][n];
        for (int k = 0; k < n; k++) {
            double f = 1 / Math.sqrt(ev[k]);
            double[] q = eig.getEigenvector(k).toArray();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    out[i][j] += f * q[i] * q[j];
                }
            }
        }
        return new Array2DRowRealMatrix(out, false);
    }

    /**
     * Time-resolved Bliss and HSA synergy (SS and CI rows, SynergyLMM's layout) of {@code result}'s
     * per-time refits with CR2 standard errors instead of the model ones; RA is not robustified
     * (as in SynergyLMM). Rows by reference, then metric (CI, SS), then time.
     */
    public static List<SynergyEstimate> synergy(
            PreparedData data, TimeResolvedSynergy.Result result, Set<SynergyReference> refs, double confidence) {
        double q = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        NormalDistribution z = new NormalDistribution(0, 1);
        List<double[]> robust = new ArrayList<>();
        for (TimeResolvedSynergy.TimeFit tf : result.fits()) {
            List<RelativeVolume> rows =
                    data.fitted().stream().filter(r -> r.time() <= tf.time()).toList();
            robust.add(standardErrors(rows, tf.fit()));
        }
        List<SynergyEstimate> out = new ArrayList<>();
        for (SynergyReference ref : refs) {
            if (ref == SynergyReference.RA) {
                continue;
            }
            double[] c = ref == SynergyReference.BLISS
                    ? new double[] {1, -1, -1, 1}
                    : result.hsaComparator() == ArmRole.DRUG_A
                            ? new double[] {0, -1, 0, 1}
                            : new double[] {0, 0, -1, 1};
            List<SynergyEstimate> ci = new ArrayList<>();
            List<SynergyEstimate> ss = new ArrayList<>();
            for (int k = 0; k < result.fits().size(); k++) {
                TimeResolvedSynergy.TimeFit tf = result.fits().get(k);
                double[] b = tf.fit().rates();
                double[] s = robust.get(k);
                double est = 0;
                double var = 0;
                for (int g = 0; g < c.length; g++) {
                    est += c[g] * b[g];
                    var += c[g] * c[g] * s[g] * s[g];
                }
                double se = Math.sqrt(var);
                double stat = est / se;
                double p = 2 * z.cumulativeProbability(-Math.abs(stat));
                double d = tf.time();
                ci.add(new SynergyEstimate(
                        ref,
                        SynergyEstimate.CI,
                        Math.exp(est * d),
                        Math.exp((est - q * se) * d),
                        Math.exp((est + q * se) * d),
                        p,
                        d));
                ss.add(new SynergyEstimate(ref, SynergyEstimate.SS, -stat, -stat - q, -stat + q, p, d));
            }
            out.addAll(ci);
            out.addAll(ss);
        }
        return out;
    }
}
