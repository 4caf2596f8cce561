package org.comboscope.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.core.matrix.ResponseScale;
import org.comboscope.core.synergy.Baseline;
import org.comboscope.core.synergy.SynergyFinderEngine;
import org.comboscope.core.synergy.SynergyMethod;
import org.comboscope.io.synergyfinder.SynergyOutputs;

/**
 * The parameters of a synergy analysis, with the same names, defaults and rules as the {@code
 * synergy} command's options.
 *
 * @param dataType what the response column means: viability or inhibition
 * @param methods comma-separated synergy models (zip, hsa, bliss, loewe)
 * @param baseline baseline correction: none, part or all
 * @param fit dose-response fitter: synergyfinder or optimal
 * @param replicates replicate handling: bootstrap or mean
 * @param iterations bootstrap iterations, 1..1000
 * @param seed seed of all random draws
 * @param ciLevel level of the bootstrap intervals, in (0, 1)
 * @param report whether to also render report.html and report.pdf
 */
record AnalysisRequest(
        String dataType,
        String methods,
        String baseline,
        String fit,
        String replicates,
        int iterations,
        long seed,
        double ciLevel,
        boolean report) {

    static final AnalysisRequest DEFAULTS = new AnalysisRequest(
            "viability", "zip,hsa,bliss,loewe", "none", "synergyfinder", "bootstrap", 10, 123, 0.95, true);

    AnalysisRequest {
        scaleOf(dataType);
        SynergyMethod.parseList(methods);
        Baseline.parse(baseline);
        SynergyOutputs.fitter(fit);
        bootstrapOf(replicates);
        if (iterations < 1 || iterations > 1000) {
            throw new InvalidInputException("iterations", iterations, "must be in 1..1000");
        }
        if (!(ciLevel > 0 && ciLevel < 1)) {
            throw new InvalidInputException("ciLevel", ciLevel, "must be in (0, 1)");
        }
    }

    private static ResponseScale scaleOf(String dataType) {
        if (dataType == null) {
            throw new InvalidInputException("dataType", "null", "must be viability or inhibition");
        }
        try {
            return ResponseScale.parse(dataType);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("dataType", dataType, "must be viability or inhibition");
        }
    }

    private static boolean bootstrapOf(String replicates) {
        return switch (String.valueOf(replicates).toLowerCase(Locale.ROOT)) {
            case "bootstrap" -> true;
            case "mean" -> false;
            default -> throw new InvalidInputException("replicates", replicates, "must be bootstrap or mean");
        };
    }

    ResponseScale scale() {
        return scaleOf(dataType);
    }

    SynergyFinderEngine engine() {
        Set<SynergyMethod> ms = SynergyMethod.parseList(methods);
        return new SynergyFinderEngine(
                SynergyOutputs.fitter(fit), ms, Baseline.parse(baseline), bootstrapOf(replicates), iterations, seed);
    }

    /** The parameters as provenance.csv records them (the CLI's names). */
    Map<String, String> provenanceParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("data_type", scale().label());
        p.put("methods", methods);
        p.put("baseline", Baseline.parse(baseline).label());
        p.put("fit", fit);
        p.put("replicates", replicates);
        p.put("iterations", Integer.toString(iterations));
        p.put("seed", Long.toString(seed));
        p.put("ci_level", Double.toString(ciLevel));
        return p;
    }

    /** Parses a JSON object; absent fields take the defaults, unknown fields are an error. */
    static AnalysisRequest fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return DEFAULTS;
        }
        if (!node.isObject()) {
            throw new InvalidInputException("body", node.getNodeType(), "must be a JSON object");
        }
        Set<String> known = Set.of(
                "dataType", "methods", "baseline", "fit", "replicates", "iterations", "seed", "ciLevel", "report");
        node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                throw new InvalidInputException(
                        f, node.get(f), "is not a parameter; known: " + String.join(", ", known));
            }
        });
        AnalysisRequest d = DEFAULTS;
        return new AnalysisRequest(
                text(node, "dataType", d.dataType),
                text(node, "methods", d.methods),
                text(node, "baseline", d.baseline),
                text(node, "fit", d.fit),
                text(node, "replicates", d.replicates),
                (int) Math.max(
                        Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, integer(node, "iterations", d.iterations))),
                integer(node, "seed", d.seed),
                number(node, "ciLevel", d.ciLevel),
                bool(node, "report", d.report));
    }

    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode n = mapper.createObjectNode();
        n.put("dataType", dataType);
        n.put("methods", methods);
        n.put("baseline", baseline);
        n.put("fit", fit);
        n.put("replicates", replicates);
        n.put("iterations", iterations);
        n.put("seed", seed);
        n.put("ciLevel", ciLevel);
        n.put("report", report);
        return n;
    }

    private static String text(JsonNode node, String field, String dflt) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isTextual()) {
            throw new InvalidInputException(field, v, "must be a string");
        }
        return v.asText();
    }

    private static long integer(JsonNode node, String field, long dflt) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new InvalidInputException(field, v, "must be an integer");
        }
        return v.asLong();
    }

    private static double number(JsonNode node, String field, double dflt) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isNumber()) {
            throw new InvalidInputException(field, v, "must be a number");
        }
        return v.asDouble();
    }

    private static boolean bool(JsonNode node, String field, boolean dflt) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw new InvalidInputException(field, v, "must be true or false");
        }
        return v.asBoolean();
    }
}
