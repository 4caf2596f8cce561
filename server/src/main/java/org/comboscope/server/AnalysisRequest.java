package org.comboscope.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.core.matrix.ResponseScale;
import org.comboscope.io.synergyfinder.SynergySettings;

/**
 * A synergy analysis as the web API asks for it: the {@code synergy} command's options (camelCase in
 * JSON, same defaults and rules) plus whether to render the HTML/PDF report.
 *
 * @param settings the analysis options, checked
 * @param report whether to also render report.html and report.pdf
 */
record AnalysisRequest(SynergySettings settings, boolean report) {

    static final AnalysisRequest DEFAULTS = new AnalysisRequest(SynergySettings.DEFAULTS, true);

    AnalysisRequest {
        if (settings == null) {
            throw new InvalidInputException("settings", "null", "must be given");
        }
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

        SynergySettings d = SynergySettings.DEFAULTS;
        // the API's own names and limits are checked first, so errors name the JSON field
        String dataType = text(node, "dataType", d.dataType());
        try {
            ResponseScale.parse(dataType);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("dataType", dataType, "must be viability or inhibition");
        }
        long iterations = integer(node, "iterations", d.iterations());
        if (iterations < 1 || iterations > 1000) {
            throw new InvalidInputException("iterations", iterations, "must be in 1..1000");
        }
        double ciLevel = number(node, "ciLevel", d.ciLevel());
        if (!(ciLevel > 0 && ciLevel < 1)) {
            throw new InvalidInputException("ciLevel", ciLevel, "must be in (0, 1)");
        }
        SynergySettings settings = new SynergySettings(
                dataType,
                text(node, "methods", d.methods()),
                text(node, "baseline", d.baseline()),
                text(node, "fit", d.fit()),
                text(node, "replicates", d.replicates()),
                (int) iterations,
                integer(node, "seed", d.seed()),
                ciLevel);
        return new AnalysisRequest(settings, bool(node, "report", true));
    }

    ObjectNode toJson(ObjectMapper mapper) {
        SynergySettings s = settings;
        ObjectNode n = mapper.createObjectNode();
        n.put("dataType", s.dataType());
        n.put("methods", s.methods());
        n.put("baseline", s.baseline());
        n.put("fit", s.fit());
        n.put("replicates", s.replicates());
        n.put("iterations", s.iterations());
        n.put("seed", s.seed());
        n.put("ciLevel", s.ciLevel());
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
