package org.comboscope.core.invivo;

import java.util.OptionalDouble;

/**
 * Tumour growth inhibition of one treated arm against the vehicle arm on one day. Means are over the
 * animals measured that day; day 0 is the study's first day.
 *
 * <p>Two common TGI definitions are given, labelled:
 *
 * <ul>
 *   <li>{@code tgiPercent} (change-from-baseline TGI): {@code 100 (1 - (mean_T(d) - mean_T(0)) /
 *       (mean_C(d) - mean_C(0)))}; empty when the control change is 0 or a day-0 mean is missing.
 *   <li>{@code tgiRatioPercent} (ratio TGI, {@code 100 - T/C%}): {@code 100 (1 - mean_T(d) /
 *       mean_C(d))}.
 * </ul>
 *
 * @param day study day as in the input
 * @param daySinceStart day minus the study's first day
 * @param group treated group
 * @param role its role
 * @param nTreated animals of the treated arm measured on the day
 * @param nControl animals of the vehicle arm measured on the day
 * @param nTreatedDay0 treated animals measured on day 0
 * @param nControlDay0 vehicle animals measured on day 0
 * @param meanTreatedDay0 treated mean on day 0; empty if none measured
 * @param meanTreated treated mean on the day
 * @param meanControlDay0 vehicle mean on day 0; empty if none measured
 * @param meanControl vehicle mean on the day
 * @param tgiPercent change-from-baseline TGI in percent
 * @param tgiRatioPercent ratio TGI in percent
 * @param tOverCPercent {@code 100 mean_T / mean_C}; empty when mean_C is 0
 * @param lastCommonDay whether this is the last day on which all four arms were measured
 */
public record GrowthInhibition(
        double day,
        double daySinceStart,
        String group,
        ArmRole role,
        int nTreated,
        int nControl,
        int nTreatedDay0,
        int nControlDay0,
        OptionalDouble meanTreatedDay0,
        double meanTreated,
        OptionalDouble meanControlDay0,
        double meanControl,
        OptionalDouble tgiPercent,
        OptionalDouble tgiRatioPercent,
        OptionalDouble tOverCPercent,
        boolean lastCommonDay) {}
