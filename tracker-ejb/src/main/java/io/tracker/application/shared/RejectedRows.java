package io.tracker.application.shared;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows an upload rejected: how many, and the first {@value #LISTED} of them, which the upload's record keeps as
 * a JSON array {@code [{"row","error","column"}]} ({@code column} null for the whole row).
 */
public final class RejectedRows {

    /** How many rejected rows a report lists; the count says how many there were in all. */
    public static final int LISTED = 1_000;
    /** Looked up once: {@code Json.createX} would search the providers with ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final List<RowError> listed = new ArrayList<>();
    private int count;

    public void add(long row, String column, String error) {
        count++;
        if (listed.size() < LISTED) {
            listed.add(new RowError(row, column, error));
        }
    }

    public int count() {
        return count;
    }

    /** The listed rows as the upload's record stores them. */
    public String json() {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        for (RowError e : listed) {
            JsonObjectBuilder o = JSON.createObjectBuilder().add("row", e.row()).add("error", e.error());
            if (e.column() == null) {
                o.addNull("column");
            } else {
                o.add("column", e.column());
            }
            a.add(o);
        }
        return a.build().toString();
    }

    /** The rows listed in a record's JSON array (see {@link #json()}). */
    public static List<RowError> read(String json) {
        List<RowError> errors = new ArrayList<>();
        try (var r = JSON.createReader(new StringReader(json))) {
            for (JsonValue v : r.readArray()) {
                JsonObject o = v.asJsonObject();
                errors.add(new RowError(o.getJsonNumber("row").longValue(),
                        o.isNull("column") ? null : o.getString("column"), o.getString("error")));
            }
        }
        return List.copyOf(errors);
    }
}
