package io.tracker.application.conversion.offline;

import io.tracker.application.attribution.PendingAttribution;
import io.tracker.application.shared.RejectedRows;
import io.tracker.domain.conversion.enhanced.Sha256;
import io.tracker.domain.conversion.export.HashedIdentifiers;
import io.tracker.domain.conversion.offline.OfflineConversion;
import io.tracker.domain.conversion.offline.OfflineRowException;
import io.tracker.domain.conversion.offline.OfflineRowReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One upload in progress: reads rows, and every {@value #CHUNK} rows drops duplicates, matches and stores the
 * rest in a handful of statements (whatever the chunk's size), counting everything the match report says.
 */
final class OfflineUpload {

    private static final int CHUNK = 1_000;

    /** Which of the chunk's (action, dedupe key) pairs are taken: stored already, or retracted by the ledger. */
    private static final String TAKEN = "select k.action_id, k.dedupe_key from unnest(?::bigint[], ?::text[]) "
            + "as k(action_id, dedupe_key) where exists (select 1 from conversion c where c.tenant_id = ? "
            + "and c.action_id = k.action_id and c.dedupe_key = k.dedupe_key) or exists (select 1 "
            + "from conversion_adjustment a where a.tenant_id = ? and a.kind = 'RETRACT' "
            + "and a.action_id = k.action_id and 'order:' || a.order_id = k.dedupe_key)";
    private static final String INSERT_CONVERSIONS = "insert into conversion (tenant_id, event_id, visitor_id, "
            + "occurred_at, action_id, value, currency, order_id, dedupe_key, way_in) "
            + "select ?, u.event_id, u.visitor_id, u.at, u.action_id, u.value, u.currency, u.order_id, u.dedupe_key, "
            + "'OFFLINE' from unnest(?::text[], ?::text[], ?::text[]::timestamptz[], ?::bigint[], ?::numeric[], "
            + "?::text[], ?::text[], ?::text[]) as u(event_id, visitor_id, at, action_id, value, currency, order_id, "
            + "dedupe_key) on conflict (tenant_id, action_id, dedupe_key) do nothing returning id, event_id";
    private static final String INSERT_IDENTITIES = "insert into conversion_identity (tenant_id, conversion_id, "
            + "import_id, matched_by, gclid, gbraid, wbraid, fbclid, msclkid, clicked_at, email_google, email_meta, "
            + "phone_google, phone_meta, first_name, last_name, city, postal_code, country, store_id, normalisers) "
            + "select ?, u.* from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], "
            + "?::text[], ?::text[], ?::text[]::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
            + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as u";
    private static final String FINISH = "update offline_import set rows = ?, stored = ?, matched_click_id = ?, "
            + "matched_email = ?, matched_phone = ?, unmatched = ?, outside_lookback = ?, duplicates = ?, "
            + "rejected = ?, invalid_email = ?, invalid_phone = ?, fields = ?::jsonb, errors = ?::jsonb where id = ? "
            + "returning " + OfflineConversionService.REPORT_COLUMNS;

    /** Identifier columns counted in the report's per-field diagnostics. */
    private static final List<String> FIELDS = List.of("gclid", "gbraid", "wbraid", "fbclid", "msclkid", "email",
            "phone", "first_name", "last_name", "city", "postal_code", "country");

    private final Connection c;
    private final String tenantId;
    private final long id;
    private final OfflineRowReader reader;
    private final List<OfflineConversion> pending = new ArrayList<>(CHUNK);
    private final Set<String> seen = new HashSet<>();
    private final Map<String, int[]> fields = new HashMap<>();
    private final RejectedRows rejected = new RejectedRows();
    private int rows;
    private int stored;
    private int byClickId;
    private int byEmail;
    private int byPhone;
    private int unmatched;
    private int outsideLookback;
    private int duplicates;
    private int invalidEmails;
    private int invalidPhones;

    OfflineUpload(Connection c, String tenantId, long id, Instant receivedAt, String source, OfflineRowReader reader) {
        this.c = c;
        this.tenantId = tenantId;
        this.id = id;
        this.reader = reader;
        FIELDS.forEach(f -> fields.put(f, new int[2]));
    }

    void row() {
        rows++;
    }

    /** Reads a row (by line or index); a bad one is rejected naming its column. */
    void read(long row, Function<String, String> field) {
        OfflineConversion conversion;
        try {
            conversion = reader.read(field);
        } catch (OfflineRowException e) {
            reject(row, e.column(), e.getMessage());
            return;
        }
        for (String f : FIELDS) {
            String v = field.apply(f);
            if (v != null && !v.isBlank()) {
                fields.get(f)[0]++;
            }
        }
        if (conversion.identifiers().emailInvalid()) {
            invalidEmails++;
            fields.get("email")[1]++;
        }
        if (conversion.identifiers().phoneInvalid()) {
            invalidPhones++;
            fields.get("phone")[1]++;
        }
        if (!seen.add(conversion.action().id() + "|" + dedupeKey(conversion))) {
            duplicates++;
            return;
        }
        pending.add(conversion);
        if (pending.size() >= CHUNK) {
            flush();
        }
    }

    void reject(long row, String column, String error) {
        rejected.add(row, column, error);
    }

    /** Stores what is left, writes the report, and answers it. */
    MatchReport finish() {
        flush();
        try (Connection own = c; PreparedStatement ps = own.prepareStatement(FINISH)) {
            int i = 1;
            for (int n : new int[] {rows, stored, byClickId, byEmail, byPhone, unmatched, outsideLookback, duplicates,
                    rejected.count(), invalidEmails, invalidPhones}) {
                ps.setInt(i++, n);
            }
            ps.setString(i++, MatchReports.fieldsJson(FIELDS, fields));
            ps.setString(i++, rejected.json());
            ps.setLong(i, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return MatchReports.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing the match report failed: " + e.getMessage(), e);
        }
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            List<OfflineConversion> fresh = withoutTaken(pending);
            List<OfflineMatcher.Match> matches = OfflineMatcher.match(c, tenantId, fresh);
            store(fresh, matches);
        } catch (SQLException e) {
            throw new IllegalStateException("storing offline conversions failed: " + e.getMessage(), e);
        }
        pending.clear();
    }

    /** The rows whose (action, dedupe key) is not taken yet; the others count as duplicates. */
    private List<OfflineConversion> withoutTaken(List<OfflineConversion> rows) throws SQLException {
        Set<String> taken = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(TAKEN)) {
            ps.setArray(1, c.createArrayOf("bigint", rows.stream().map(r -> r.action().id()).toArray()));
            ps.setArray(2, c.createArrayOf("text", rows.stream().map(OfflineUpload::dedupeKey).toArray()));
            ps.setString(3, tenantId);
            ps.setString(4, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    taken.add(rs.getLong(1) + "|" + rs.getString(2));
                }
            }
        }
        List<OfflineConversion> fresh = new ArrayList<>(rows.size());
        for (OfflineConversion r : rows) {
            if (taken.contains(r.action().id() + "|" + dedupeKey(r))) {
                duplicates++;
            } else {
                fresh.add(r);
            }
        }
        return fresh;
    }

    private void store(List<OfflineConversion> rows, List<OfflineMatcher.Match> matches) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        String[] eventIds = new String[n];
        Object[][] cols = new Object[8][n];
        for (int i = 0; i < n; i++) {
            OfflineConversion r = rows.get(i);
            eventIds[i] = "offline:" + Sha256.hex(r.action().id() + "|" + dedupeKey(r)).substring(0, 32);
            cols[0][i] = eventIds[i];
            cols[1][i] = matches.get(i).visitorId();
            cols[2][i] = r.at().toString();
            cols[3][i] = r.action().id();
            cols[4][i] = r.value();
            cols[5][i] = r.currency();
            cols[6][i] = r.orderId();
            cols[7][i] = dedupeKey(r);
        }
        Map<String, Long> inserted = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(INSERT_CONVERSIONS)) {
            ps.setString(1, tenantId);
            String[] types = {"text", "text", "text", "bigint", "numeric", "text", "text", "text"};
            for (int k = 0; k < cols.length; k++) {
                ps.setArray(k + 2, c.createArrayOf(types[k], cols[k]));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
        List<Integer> kept = new ArrayList<>();
        Set<String> visitors = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            if (!inserted.containsKey(eventIds[i])) {
                duplicates++; // stored by a concurrent upload meanwhile
                continue;
            }
            kept.add(i);
            stored++;
            OfflineMatcher.Match m = matches.get(i);
            switch (m.by()) {
                case CLICK_ID -> byClickId++;
                case EMAIL -> byEmail++;
                case PHONE -> byPhone++;
                case NONE -> unmatched++;
            }
            if (m.outsideLookback()) {
                outsideLookback++;
            }
            if (m.visitorId() != null) {
                visitors.add(m.visitorId());
            }
        }
        insertIdentities(rows, matches, eventIds, inserted, kept);
        PendingAttribution.mark(c, tenantId, visitors);
    }

    private void insertIdentities(List<OfflineConversion> rows, List<OfflineMatcher.Match> matches, String[] eventIds,
                                  Map<String, Long> inserted, List<Integer> kept) throws SQLException {
        if (kept.isEmpty()) {
            return;
        }
        int n = kept.size();
        Object[][] cols = new Object[20][n];
        for (int j = 0; j < n; j++) {
            int i = kept.get(j);
            OfflineConversion r = rows.get(i);
            OfflineMatcher.Match m = matches.get(i);
            HashedIdentifiers h = r.identifiers().hashed();
            Object[] v = {inserted.get(eventIds[i]), id, m.by().name(), r.clicks().gclid(), r.clicks().gbraid(),
                    r.clicks().wbraid(), r.clicks().fbclid(), r.clicks().msclkid(),
                    m.clickedAt() == null ? null : m.clickedAt().toString(), h.emailGoogle(), h.emailMeta(),
                    h.phoneGoogle(), h.phoneMeta(), h.firstName(), h.lastName(), h.city(), h.postalCode(), h.country(),
                    r.storeId(), r.identifiers().normalisers()};
            for (int k = 0; k < v.length; k++) {
                cols[k][j] = v[k];
            }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_IDENTITIES)) {
            ps.setString(1, tenantId);
            for (int k = 0; k < cols.length; k++) {
                String type = k < 2 ? "bigint" : "text";
                Array a = c.createArrayOf(type, cols[k]);
                ps.setArray(k + 2, a);
            }
            ps.executeUpdate();
        }
    }

    /**
     * What makes two rows of an action the same conversion: the order id ({@code order:<id>}, as the tag's and
     * the API's conversions, so an offline sale already recorded online is a duplicate too), else all the row's
     * values.
     */
    private static String dedupeKey(OfflineConversion r) {
        if (r.orderId() != null) {
            return "order:" + r.orderId();
        }
        HashedIdentifiers h = r.identifiers().hashed();
        return "offline:" + Sha256.hex(String.join("|", r.at().toString(), r.value().toPlainString(), r.currency(),
                String.valueOf(r.clicks()), String.valueOf(h), String.valueOf(r.storeId())));
    }
}
