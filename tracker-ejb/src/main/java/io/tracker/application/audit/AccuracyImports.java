package io.tracker.application.audit;

import io.tracker.application.shared.ExportCsv;
import io.tracker.application.shared.RejectedRows;
import io.tracker.application.shared.UploadRecords;
import io.tracker.application.tenant.TenantConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** The upload records of both audit imports ({@code accuracy_import}): opened, finished with the counts, read back. */
final class AccuracyImports {

    static final String STORE_ORDERS = "store_orders";
    static final String PLATFORM_CONVERSIONS = "platform_conversions";

    private static final String COLUMNS = "id, kind, layout, received_at, rows, stored, replaced, rejected, skipped, "
            + "first_day, last_day, errors::text";
    private static final String START = "insert into accuracy_import (tenant_id, kind, layout, actor) "
            + "values (current_setting('" + TenantConnections.SETTING + "'), ?, ?, ?) returning id";
    private static final String FINISH = "update accuracy_import set rows = ?, stored = ?, replaced = ?, rejected = ?, "
            + "skipped = ?, first_day = ?, last_day = ?, errors = ?::jsonb where id = ? returning " + COLUMNS;

    private AccuracyImports() {
    }

    static long start(Connection c, String kind, String layout, String actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(START)) {
            ps.setString(1, kind);
            ps.setString(2, layout);
            ps.setString(3, actor);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static AccuracyImportReport finish(Connection c, long id, ExportCsv.Tally tally, int stored, int replaced,
                                       LocalDate firstDay, LocalDate lastDay) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FINISH)) {
            ps.setInt(1, tally.rows());
            ps.setInt(2, stored);
            ps.setInt(3, replaced);
            ps.setInt(4, tally.rejected().count());
            ps.setInt(5, tally.skipped());
            ps.setObject(6, firstDay);
            ps.setObject(7, lastDay);
            ps.setString(8, tally.rejected().json());
            ps.setLong(9, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return read(rs);
            }
        }
    }

    /** An upload's report; 404 unless it is this tenant's upload of this kind. */
    static AccuracyImportReport one(TenantConnections connections, String kind, long id) {
        AccuracyImportReport r = UploadRecords.one(connections::forCurrentTenant, "accuracy_import", COLUMNS, id,
                kind.replace('_', ' ') + " upload", AccuracyImports::read);
        if (!r.kind().equals(kind)) {
            throw new io.tracker.domain.shared.NotFoundException("no " + kind.replace('_', ' ') + " upload " + id);
        }
        return r;
    }

    private static AccuracyImportReport read(ResultSet rs) throws SQLException {
        return new AccuracyImportReport(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
                rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class),
                RejectedRows.read(rs.getString(12)));
    }
}
