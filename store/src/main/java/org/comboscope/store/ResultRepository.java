package org.comboscope.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Read access to what {@link AnalysisRepository#complete} stored. Obtained from {@link
 * Store#results()}. An unknown analysis simply has no results.
 */
public final class ResultRepository {
    private static final String BLOCK_COLUMNS = "block_id, drug1, drug2, zip, hsa, bliss, loewe, css, values_json";
    /** LIKE escape character; chosen so no SQL dialect gives it a second meaning in a string literal. */
    private static final char ESCAPE = '!';

    private final Db db;

    ResultRepository(Db db) {
        this.db = db;
    }

    /** One page of the analysis's blocks, filtered and sorted as the query says, with the total count. */
    public Page<BlockResult> blocks(long analysisId, BlockQuery q) {
        Checks.notNull("query", q);
        String where = "analysis_id = :a";
        String pattern = null;
        if (!q.textFilter().isEmpty()) {
            pattern = "%" + likeEscape(q.textFilter().toLowerCase(Locale.ROOT)) + "%";
            String like = " LIKE :pattern ESCAPE '" + ESCAPE + "'";
            where += " AND (block_id_lc" + like + " OR drug1_lc" + like + " OR drug2_lc" + like + ")";
        }
        String order = orderBy(q.sort(), q.descending());
        String whereClause = where;
        String likePattern = pattern;
        return db.read("list blocks", h -> {
            var count = h.createQuery("SELECT COUNT(*) FROM block_result WHERE " + whereClause)
                    .bind("a", analysisId);
            var select = h.createQuery("SELECT " + BLOCK_COLUMNS + " FROM block_result WHERE " + whereClause
                            + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                    .bind("a", analysisId)
                    .bind("limit", q.limit())
                    .bind("offset", q.offset());
            if (likePattern != null) {
                count.bind("pattern", likePattern);
                select.bind("pattern", likePattern);
            }
            long total = count.mapTo(Long.class).one();
            List<BlockResult> items = select.map((rs, ctx) -> mapBlock(rs)).list();
            return new Page<>(items, Math.max(total, items.size()));
        });
    }

    /** The analysis's block with this id, if any. */
    public Optional<BlockResult> block(long analysisId, String blockId) {
        Checks.notNull("blockId", blockId);
        return db.read("find block", h -> h.createQuery(
                        "SELECT " + BLOCK_COLUMNS + " FROM block_result WHERE analysis_id = :a AND block_id = :b")
                .bind("a", analysisId)
                .bind("b", blockId)
                .map((rs, ctx) -> mapBlock(rs))
                .findOne());
    }

    /** The block's cells ordered by conc1, then conc2 (then the analysis's order). */
    public List<CellResult> cells(long analysisId, String blockId) {
        Checks.notNull("blockId", blockId);
        return db.read(
                "list cells", h -> h.createQuery("SELECT block_id, conc1, conc2, response, values_json FROM cell_result"
                                + " WHERE analysis_id = :a AND block_id = :b ORDER BY conc1, conc2, seq")
                        .bind("a", analysisId)
                        .bind("b", blockId)
                        .map((rs, ctx) -> new CellResult(
                                rs.getString("block_id"),
                                rs.getDouble("conc1"),
                                rs.getDouble("conc2"),
                                rs.getDouble("response"),
                                FlatJson.read(rs.getString("values_json"))))
                        .list());
    }

    /** The block's dose-response curves ordered by drug index. */
    public List<CurveResult> curves(long analysisId, String blockId) {
        Checks.notNull("blockId", blockId);
        return db.read(
                "list curves", h -> h.createQuery("SELECT block_id, drug_index, drug, values_json FROM curve_result"
                                + " WHERE analysis_id = :a AND block_id = :b ORDER BY drug_index")
                        .bind("a", analysisId)
                        .bind("b", blockId)
                        .map((rs, ctx) -> new CurveResult(
                                rs.getString("block_id"),
                                rs.getInt("drug_index"),
                                rs.getString("drug"),
                                FlatJson.read(rs.getString("values_json"))))
                        .list());
    }

    /** The analysis's artifact with this name, if any. */
    public Optional<Artifact> artifact(long analysisId, String name) {
        Checks.notNull("name", name);
        return db.read("find artifact", h -> h.createQuery(
                        "SELECT name, media_type, content FROM artifact WHERE analysis_id = :a AND name = :n")
                .bind("a", analysisId)
                .bind("n", name)
                .map((rs, ctx) ->
                        new Artifact(rs.getString("name"), rs.getString("media_type"), rs.getBytes("content")))
                .findOne());
    }

    /** The names of the analysis's artifacts, sorted. */
    public List<String> artifactNames(long analysisId) {
        return db.read(
                "list artifacts", h -> h.createQuery("SELECT name FROM artifact WHERE analysis_id = :a ORDER BY name")
                        .bind("a", analysisId)
                        .mapTo(String.class)
                        .list());
    }

    /** ORDER BY from fixed column names only; NA (NULL) scores sort last in either direction. */
    private static String orderBy(BlockSort sort, boolean descending) {
        String dir = descending ? " DESC" : " ASC";
        return switch (sort) {
            case BLOCK_ID -> "seq" + dir;
            case DRUG1, DRUG2 -> sort.column() + dir + ", seq ASC";
            case ZIP, HSA, BLISS, LOEWE, CSS ->
                "CASE WHEN " + sort.column() + " IS NULL THEN 1 ELSE 0 END ASC, " + sort.column() + dir + ", seq ASC";
        };
    }

    static String likeEscape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ESCAPE || c == '%' || c == '_') {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static BlockResult mapBlock(ResultSet rs) throws SQLException {
        return new BlockResult(
                rs.getString("block_id"),
                rs.getString("drug1"),
                rs.getString("drug2"),
                optional(rs, "zip"),
                optional(rs, "hsa"),
                optional(rs, "bliss"),
                optional(rs, "loewe"),
                optional(rs, "css"),
                FlatJson.read(rs.getString("values_json")));
    }

    private static OptionalDouble optional(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
