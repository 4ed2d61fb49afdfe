package io.tracker.application.shared;

import io.tracker.domain.shared.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back the record each upload leaves in its import's table ({@code ad_cost_import}, {@code offline_import}):
 * one by id, or the latest ones. The connection is the caller's (the current tenant's, so row-level security keeps
 * other clients' uploads out).
 */
public final class UploadRecords {

    /** Opens the connection to read with. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    /** Makes a report of the row the result set stands on. */
    @FunctionalInterface
    public interface Report<R> {
        R read(ResultSet rs) throws SQLException;
    }

    private UploadRecords() {
    }

    /**
     * The upload {@code id}'s report.
     *
     * @param what names the upload in the not-found message ({@code "no <what> <id>"})
     * @throws NotFoundException when there is no such upload (or it is another client's)
     */
    public static <R> R one(Connections db, String table, String columns, long id, String what, Report<R> report) {
        try (Connection c = db.open();
             PreparedStatement ps = c.prepareStatement("select " + columns + " from " + table + " where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("no " + what + " " + id);
                }
                return report.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the upload failed: " + e.getMessage(), e);
        }
    }

    /** The latest uploads' reports, newest first (at most {@code limit}). */
    public static <R> List<R> latest(Connections db, String table, String columns, int limit, Report<R> report) {
        List<R> reports = new ArrayList<>();
        try (Connection c = db.open();
             PreparedStatement ps = c.prepareStatement("select " + columns + " from " + table
                     + " order by id desc limit ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reports.add(report.read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the uploads failed: " + e.getMessage(), e);
        }
        return reports;
    }
}
