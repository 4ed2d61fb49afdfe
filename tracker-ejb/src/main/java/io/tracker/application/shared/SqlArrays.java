package io.tracker.application.shared;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * Array parameters that PgJDBC sends in PostgreSQL's binary form. It does so for typed Java arrays
 * ({@code Long[]}, {@code Double[]}, {@code Boolean[]}, {@code String[]}); an {@code Object[]}, what
 * {@code List.toArray()} returns, goes as an array literal that the driver writes and the server parses
 * element by element. On the attribution benchmark that text was a third of the worker's CPU in Payara
 * (35,000 credits of nine columns per statement).
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** A {@code bigint[]} (null elements allowed). */
    public static Array bigints(Connection c, Collection<Long> values) throws SQLException {
        return c.createArrayOf("bigint", values.toArray(Long[]::new));
    }

    /** A {@code text[]} (null elements allowed). */
    public static Array texts(Connection c, Collection<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray(String[]::new));
    }

    /** A {@code float8[]}. */
    public static Array doubles(Connection c, Collection<Double> values) throws SQLException {
        return c.createArrayOf("float8", values.toArray(Double[]::new));
    }

    /** A {@code boolean[]}. */
    public static Array booleans(Connection c, Collection<Boolean> values) throws SQLException {
        return c.createArrayOf("boolean", values.toArray(Boolean[]::new));
    }

    /**
     * A one-dimensional array literal of these texts, as PostgreSQL's {@code array_in} reads it: every
     * element double-quoted with {@code "} and {@code \} escaped by a backslash, a null element {@code NULL}.
     * For a {@code text[]} parameter whose elements are arrays themselves (one row's array each, cast with
     * {@code ::text[]} in SQL): PostgreSQL has no ragged arrays of arrays, and one row per element followed by
     * {@code array_agg} regrouping costs more than parsing the literal.
     */
    public static String literal(Collection<String> values) {
        StringBuilder s = new StringBuilder(values.size() * 16 + 2).append('{');
        for (String v : values) {
            if (s.length() > 1) {
                s.append(',');
            }
            if (v == null) {
                s.append("NULL");
                continue;
            }
            s.append('"');
            for (int i = 0; i < v.length(); i++) {
                char ch = v.charAt(i);
                if (ch == '"' || ch == '\\') {
                    s.append('\\');
                }
                s.append(ch);
            }
            s.append('"');
        }
        return s.append('}').toString();
    }

    /**
     * A one-dimensional array literal of these numbers (a {@code float8[]} or {@code numeric[]} once cast):
     * each by its {@code toString}, which for a double is the shortest decimal that reads back as the same
     * double, and for a {@code BigDecimal} whose scale is not negative has no exponent.
     */
    public static String numberLiteral(Collection<? extends Number> values) {
        StringBuilder s = new StringBuilder(values.size() * 12 + 2).append('{');
        for (Number v : values) {
            if (s.length() > 1) {
                s.append(',');
            }
            s.append(v instanceof BigDecimal d ? d.toPlainString() : v.toString());
        }
        return s.append('}').toString();
    }

    /**
     * Microseconds since 1970-01-01T00:00:00Z (PostgreSQL's precision), for a {@code bigint[]} that SQL turns
     * into instants with {@code timestamptz 'epoch' + m * interval '1 microsecond'}; null stays null.
     */
    public static Long micros(Instant at) {
        return at == null ? null : ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }
}
