package org.comboscope.core.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.comboscope.core.error.FitFailureException;
import org.comboscope.core.error.InvalidInputException;
import org.hipparchus.special.Erf;
import org.hipparchus.special.Gamma;

/**
 * Cox proportional hazards regression by Newton–Raphson, following R's {@code coxph} (survival
 * 3.5, {@code coxfit6}): start at {@code β = 0}; stop when the relative change of the partial
 * log-likelihood is at most {@code 1e-9} (at most 20 iterations); step-halve when the
 * log-likelihood decreases. Covariates whose values are not all in {-1, 0, 1} are centred and
 * scaled internally, as R does; results are on the original scale. Reproducing R's iteration
 * (rather than iterating to the exact optimum) is what makes the estimates agree with R to
 * rounding error.
 */
public final class CoxModel {
    /** R's {@code coxph.control()$eps}. */
    static final double EPS = 1e-9;
    /** R's {@code coxph.control()$iter.max}. */
    static final int MAX_ITER = 20;

    private CoxModel() {}

    /**
     * Fits {@code Surv(time, event) ~ group} with the first group as reference (R's treatment
     * contrasts): one coefficient per further group, named {@code variable + level}.
     *
     * @param variable the covariate name used to build term names (R: the formula variable)
     * @param groups groups in level order; the first is the reference
     * @throws InvalidInputException with fewer than two groups
     * @throws FitFailureException if the information matrix is singular
     */
    public static CoxFit fitGroups(String variable, Map<String, SurvivalSample> groups, Ties ties) {
        if (groups.size() < 2) {
            throw new InvalidInputException("group", groups.keySet(), "must have at least two levels for a Cox model");
        }
        List<String> levels = new ArrayList<>(groups.keySet());
        int n = 0;
        for (SurvivalSample s : groups.values()) {
            n += s.size();
        }
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        double[][] x = new double[n][levels.size() - 1];
        int at = 0;
        for (int g = 0; g < levels.size(); g++) {
            SurvivalSample s = groups.get(levels.get(g));
            for (int i = 0; i < s.size(); i++) {
                time[at] = s.timeAt(i);
                event[at] = s.eventAt(i);
                if (g > 0) {
                    x[at][g - 1] = 1;
                }
                at++;
            }
        }
        List<String> names = new ArrayList<>();
        for (int g = 1; g < levels.size(); g++) {
            names.add(variable + levels.get(g));
        }
        return fit(time, event, x, names, ties);
    }

    /**
     * Fits {@code Surv(time, event) ~ x}.
     *
     * @param time follow-up times, finite and {@code >= 0}
     * @param event {@code true} for an observed event
     * @param x covariates, one row per subject, one column per term
     * @param names one name per column of {@code x}
     * @throws InvalidInputException on mismatched lengths, non-finite values or no events
     * @throws FitFailureException if the information matrix is singular (a constant or collinear
     *     covariate)
     */
    public static CoxFit fit(double[] time, boolean[] event, double[][] x, List<String> names, Ties ties) {
        int n = time.length;
        int p = names.size();
        if (event.length != n || x.length != n) {
            throw new InvalidInputException(
                    "time/event/x", n + "/" + event.length + "/" + x.length, "must have the same length");
        }
        if (p == 0) {
            throw new InvalidInputException("terms", 0, "must name at least one covariate");
        }
        int events = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(time[i]) || time[i] < 0) {
                throw new InvalidInputException("time", time[i], "must be finite and >= 0", "observation " + (i + 1));
            }
            if (x[i].length != p) {
                throw new InvalidInputException(
                        "x", x[i].length, "must have one value per term (" + p + ")", "observation " + (i + 1));
            }
            for (double v : x[i]) {
                if (!Double.isFinite(v)) {
                    throw new InvalidInputException("x", v, "must be finite", "observation " + (i + 1));
                }
            }
            if (event[i]) {
                events++;
            }
        }
        if (events == 0) {
            throw new InvalidInputException("event", 0, "must include at least one event for a Cox model");
        }

        // Sort by time, descending, so the risk set grows as we walk.
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(time[b], time[a]));
        double[] t = new double[n];
        boolean[] d = new boolean[n];
        double[][] z = new double[p][n];
        for (int i = 0; i < n; i++) {
            t[i] = time[order[i]];
            d[i] = event[order[i]];
            for (int j = 0; j < p; j++) {
                z[j][i] = x[order[i]][j];
            }
        }
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            scale[j] = 1.0;
            boolean zeroOne = true;
            for (double v : z[j]) {
                if (v != -1 && v != 0 && v != 1) {
                    zeroOne = false;
                    break;
                }
            }
            if (!zeroOne) {
                double mean = 0;
                for (double v : z[j]) {
                    mean += v;
                }
                mean /= n;
                double mad = 0;
                for (int i = 0; i < n; i++) {
                    z[j][i] -= mean;
                    mad += Math.abs(z[j][i]);
                }
                scale[j] = mad > 0 ? n / mad : 1.0;
                for (int i = 0; i < n; i++) {
                    z[j][i] *= scale[j];
                }
            }
        }

        PartialLikelihood pl = new PartialLikelihood(t, d, z, ties);
        double[] beta = new double[p];
        pl.evaluate(beta);
        double logLikNull = pl.logLik;
        double[] step = solve(pl.info, pl.score, beta);
        double scoreTest = dot(step, pl.score);
        double[] newBeta = add(beta, step);
        double best = logLikNull;
        int halving = 0;
        boolean converged = false;
        int iter;
        for (iter = 1; iter <= MAX_ITER; iter++) {
            pl.evaluate(newBeta);
            boolean finite = Double.isFinite(pl.logLik) && allFinite(pl.score) && allFinite(pl.info);
            if (finite && Math.abs(1 - best / pl.logLik) <= EPS) {
                best = pl.logLik;
                beta = newBeta;
                converged = true;
                break;
            }
            if (iter == MAX_ITER) {
                break;
            }
            if (!finite || pl.logLik < best) {
                halving++;
                for (int j = 0; j < p; j++) {
                    newBeta[j] = (newBeta[j] + halving * beta[j]) / (halving + 1.0);
                }
            } else {
                halving = 0;
                best = pl.logLik;
                double[] s = solve(pl.info, pl.score, newBeta);
                beta = newBeta;
                newBeta = add(newBeta, s);
            }
        }
        if (!converged) {
            pl.evaluate(beta);
            best = pl.logLik;
            iter = Math.min(iter, MAX_ITER);
        }
        double[][] var = invert(pl.info, beta);
        double zq = KaplanMeier.normalQuantile(0.95);
        List<CoxTerm> terms = new ArrayList<>();
        double[] coef = new double[p];
        double[][] v = new double[p][p];
        for (int j = 0; j < p; j++) {
            coef[j] = beta[j] * scale[j];
            for (int k = 0; k < p; k++) {
                v[j][k] = var[j][k] * scale[j] * scale[k];
            }
        }
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(v[j][j]);
            double w = coef[j] / se;
            terms.add(new CoxTerm(
                    names.get(j),
                    coef[j],
                    se,
                    Math.exp(coef[j]),
                    Math.exp(coef[j] - zq * se),
                    Math.exp(coef[j] + zq * se),
                    w,
                    chiSquareUpper(w * w, 1)));
        }
        double wald = dot(coef, solve(v, coef, coef));
        double lr = 2 * (best - logLikNull);
        return new CoxFit(
                ties,
                terms,
                logLikNull,
                best,
                scoreTest,
                chiSquareUpper(scoreTest, p),
                lr,
                chiSquareUpper(lr, p),
                wald,
                chiSquareUpper(wald, p),
                p,
                n,
                events,
                iter,
                converged);
    }

    /** Upper tail of the chi-square distribution, accurate for small p-values. */
    static double chiSquareUpper(double x, int df) {
        if (!(x > 0)) {
            return 1.0;
        }
        if (df == 1) {
            return Erf.erfc(Math.sqrt(x / 2));
        }
        return Gamma.regularizedGammaQ(df / 2.0, x / 2);
    }

    /** Partial log-likelihood, score and information at a given β (scaled covariates). */
    private static final class PartialLikelihood {
        private final double[] time;
        private final boolean[] event;
        private final double[][] z;
        private final Ties ties;
        private final int p;
        double logLik;
        double[] score;
        double[][] info;

        PartialLikelihood(double[] time, boolean[] event, double[][] z, Ties ties) {
            this.time = time;
            this.event = event;
            this.z = z;
            this.ties = ties;
            this.p = z.length;
        }

        void evaluate(double[] beta) {
            int n = time.length;
            logLik = 0;
            score = new double[p];
            info = new double[p][p];
            double denom = 0;
            double[] a = new double[p];
            double[][] c = new double[p][p];
            double[] a2 = new double[p];
            double[][] c2 = new double[p][p];
            int i = 0;
            while (i < n) {
                double tt = time[i];
                int deaths = 0;
                double denom2 = 0;
                Arrays.fill(a2, 0);
                for (double[] row : c2) {
                    Arrays.fill(row, 0);
                }
                while (i < n && time[i] == tt) {
                    double eta = 0;
                    for (int j = 0; j < p; j++) {
                        eta += beta[j] * z[j][i];
                    }
                    double risk = Math.exp(eta);
                    if (event[i]) {
                        deaths++;
                        denom2 += risk;
                        logLik += eta;
                        for (int j = 0; j < p; j++) {
                            score[j] += z[j][i];
                            a2[j] += risk * z[j][i];
                            for (int k = 0; k <= j; k++) {
                                c2[j][k] += risk * z[j][i] * z[k][i];
                            }
                        }
                    } else {
                        denom += risk;
                        for (int j = 0; j < p; j++) {
                            a[j] += risk * z[j][i];
                            for (int k = 0; k <= j; k++) {
                                c[j][k] += risk * z[j][i] * z[k][i];
                            }
                        }
                    }
                    i++;
                }
                if (deaths == 0) {
                    continue;
                }
                // Breslow adds the tied deaths at once; Efron in `deaths` equal fractions, each
                // step weighted 1/deaths (the two coincide for a single death).
                int steps = ties == Ties.BRESLOW ? 1 : deaths;
                double weight = (double) deaths / steps;
                for (int s = 0; s < steps; s++) {
                    denom += denom2 / steps;
                    logLik -= weight * Math.log(denom);
                    for (int j = 0; j < p; j++) {
                        a[j] += a2[j] / steps;
                        double mean = a[j] / denom;
                        score[j] -= weight * mean;
                        for (int k = 0; k <= j; k++) {
                            c[j][k] += c2[j][k] / steps;
                            info[j][k] += weight * (c[j][k] - mean * a[k]) / denom;
                        }
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < j; k++) {
                    info[k][j] = info[j][k];
                }
            }
        }
    }

    private static double[] solve(double[][] m, double[] b, double[] at) {
        double[][] l = cholesky(m, at);
        int p = b.length;
        double[] y = new double[p];
        for (int i = 0; i < p; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    private static double[][] invert(double[][] m, double[] at) {
        int p = m.length;
        double[][] inv = new double[p][p];
        for (int j = 0; j < p; j++) {
            double[] e = new double[p];
            e[j] = 1;
            double[] col = solve(m, e, at);
            for (int i = 0; i < p; i++) {
                inv[i][j] = col[i];
            }
        }
        return inv;
    }

    /** Lower Cholesky factor; a pivot below R's {@code toler.chol} means a singular information. */
    private static double[][] cholesky(double[][] m, double[] at) {
        int p = m.length;
        double tol = Math.pow(Math.ulp(1.0), 0.75);
        double maxDiag = 0;
        for (int i = 0; i < p; i++) {
            maxDiag = Math.max(maxDiag, Math.abs(m[i][i]));
        }
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = m[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > tol * maxDiag)) {
                        throw new FitFailureException(
                                "coxph",
                                "information matrix is singular (a covariate is constant or collinear, or a group"
                                        + " has no subjects at risk)",
                                at.clone());
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] add(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + b[i];
        }
        return c;
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allFinite(double[][] m) {
        for (double[] row : m) {
            if (!allFinite(row)) {
                return false;
            }
        }
        return true;
    }
}
