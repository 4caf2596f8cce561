package org.comboscope.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.comboscope.store.Analysis;
import org.comboscope.store.BlockResult;
import org.comboscope.store.Dataset;
import org.comboscope.store.Experiment;
import org.comboscope.store.Project;

/** JSON shapes of the store's records (ordered maps: stable field order in every answer). */
final class Views {
    private Views() {}

    static Map<String, Object> project(Project p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("description", p.description());
        m.put("createdAt", p.createdAt().toString());
        return m;
    }

    static Map<String, Object> experiment(Experiment e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("projectId", e.projectId());
        m.put("assay", e.assay());
        m.put("cellLine", e.cellLine());
        m.put("date", e.date().map(Object::toString).orElse(null));
        m.put("notes", e.notes());
        m.put("createdAt", e.createdAt().toString());
        return m;
    }

    static Map<String, Object> dataset(Dataset d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("experimentId", d.experimentId());
        m.put("fileName", d.fileName());
        m.put("format", d.format());
        m.put("sha256", d.sha256());
        m.put("sizeBytes", d.sizeBytes());
        m.put("createdAt", d.createdAt().toString());
        return m;
    }

    static Map<String, Object> analysis(Analysis a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("datasetId", a.datasetId());
        m.put("kind", a.kind());
        m.put("parameters", a.parametersJson());
        m.put("softwareVersion", a.softwareVersion());
        m.put("status", a.status().name());
        m.put("progressDone", a.progressDone());
        m.put("progressTotal", a.progressTotal());
        m.put("message", a.message());
        m.put("createdAt", a.createdAt().toString());
        m.put("startedAt", a.startedAt().map(Object::toString).orElse(null));
        m.put("finishedAt", a.finishedAt().map(Object::toString).orElse(null));
        m.put("elapsedMillis", a.elapsedMillis().isPresent() ? a.elapsedMillis().getAsLong() : null);
        return m;
    }

    static Map<String, Object> block(BlockResult b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blockId", b.blockId());
        m.put("drug1", b.drug1());
        m.put("drug2", b.drug2());
        m.put("zip", number(b.zip()));
        m.put("hsa", number(b.hsa()));
        m.put("bliss", number(b.bliss()));
        m.put("loewe", number(b.loewe()));
        m.put("css", number(b.css()));
        m.put("values", b.values());
        return m;
    }

    static void delta(Map<String, Object> row, String name, OptionalDouble left, OptionalDouble right) {
        row.put(name + "Left", number(left));
        row.put(name + "Right", number(right));
        row.put(
                name + "Delta",
                left.isPresent() && right.isPresent() ? right.getAsDouble() - left.getAsDouble() : null);
    }

    private static Double number(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }
}
