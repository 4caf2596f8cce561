package org.comboscope.core.response;

import org.comboscope.core.error.InvalidInputException;

/**
 * A response rate {@code responders / n} (ORR, DCR, 12-week PFS as a proportion) with its exact
 * Clopper–Pearson and Wilson intervals.
 *
 * @param responders number of subjects with the response, {@code 0 <= responders <= n}
 * @param n number of evaluable subjects, {@code >= 1}
 * @param rate {@code responders / n} as a fraction
 * @param exact Clopper–Pearson interval
 * @param wilson Wilson score interval
 */
public record ResponseRate(int responders, int n, double rate, Interval exact, Interval wilson) {

    /**
     * @throws InvalidInputException unless {@code 0 <= responders <= n}, {@code n >= 1} and the
     *     level is in (0, 1)
     */
    public static ResponseRate of(int responders, int n, double level) {
        return new ResponseRate(
                responders,
                n,
                (double) responders / n,
                BinomialIntervals.clopperPearson(responders, n, level),
                BinomialIntervals.wilson(responders, n, level));
    }

    /** As {@link #of(int, int, double)} with 95 % intervals. */
    public static ResponseRate of(int responders, int n) {
        return of(responders, n, 0.95);
    }

    /**
     * Objective response rate from best-overall-response counts (RECIST): {@code (CR + PR) / n}.
     *
     * @throws InvalidInputException if a count is negative or the counts exceed {@code n}
     */
    public static ResponseRate objectiveResponse(int complete, int partial, int stable, int n) {
        checkCounts(complete, partial, stable, n);
        return of(complete + partial, n);
    }

    /**
     * Disease control rate: {@code (CR + PR + SD) / n}.
     *
     * @throws InvalidInputException if a count is negative or the counts exceed {@code n}
     */
    public static ResponseRate diseaseControl(int complete, int partial, int stable, int n) {
        checkCounts(complete, partial, stable, n);
        return of(complete + partial + stable, n);
    }

    private static void checkCounts(int complete, int partial, int stable, int n) {
        if (complete < 0 || partial < 0 || stable < 0) {
            throw new InvalidInputException("CR/PR/SD", complete + "/" + partial + "/" + stable, "counts must be >= 0");
        }
        if ((long) complete + partial + stable > n) {
            throw new InvalidInputException("CR+PR+SD", (long) complete + partial + stable, "must not exceed n = " + n);
        }
    }
}
