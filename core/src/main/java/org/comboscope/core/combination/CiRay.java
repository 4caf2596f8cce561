package org.comboscope.core.combination;

import java.util.List;

/**
 * One constant-ratio ray of a block (a CompuSyn "combination": all combination rows with the same
 * dose ratio) and its median-effect fit on the total dose.
 *
 * @param ratio dose ratio d2/d1 of the ray (geometric mean over its rows)
 * @param fraction1 share of drug 1 in the total dose, d1/(d1 + d2)
 * @param mixture median-effect fit of fa against the total dose d1 + d2
 * @param levels CI at the requested effect levels
 * @param curve CI on the Fa grid (the Fa–CI plot)
 */
public record CiRay(double ratio, double fraction1, MedianEffect mixture, List<CiLevel> levels, List<CiLevel> curve) {
    public CiRay {
        levels = List.copyOf(levels);
        curve = List.copyOf(curve);
    }
}
