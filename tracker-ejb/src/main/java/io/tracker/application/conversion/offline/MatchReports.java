package io.tracker.application.conversion.offline;

import io.tracker.application.shared.RejectedRows;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A match report to and from its {@code offline_import} row (the lists as JSON). */
final class MatchReports {

    /** Looked up once: {@code Json.createX} would search the providers with ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private MatchReports() {
    }

    static MatchReport read(ResultSet rs) throws SQLException {
        List<MatchReport.FieldCount> fields = new ArrayList<>();
        for (JsonValue v : array(rs.getString(15))) {
            JsonObject o = v.asJsonObject();
            fields.add(new MatchReport.FieldCount(o.getString("field"), o.getInt("provided"), o.getInt("invalid")));
        }
        return new MatchReport(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getInt(4),
                rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11),
                rs.getInt(12), rs.getInt(13), rs.getInt(14), List.copyOf(fields), RejectedRows.read(rs.getString(16)));
    }

    static String fieldsJson(List<String> order, Map<String, int[]> counts) {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        for (String f : order) {
            int[] n = counts.get(f);
            a.add(JSON.createObjectBuilder().add("field", f).add("provided", n[0]).add("invalid", n[1]));
        }
        return a.build().toString();
    }

    private static JsonArray array(String json) {
        try (var r = JSON.createReader(new StringReader(json))) {
            return r.readArray();
        }
    }
}
