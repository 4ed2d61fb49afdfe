package io.tracker.application.conversion.destinations;

import io.tracker.application.tenant.CrossTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.conversion.export.ExportValidator;
import io.tracker.domain.conversion.export.OutgoingAdjustment;
import io.tracker.domain.conversion.export.OutgoingConversion;
import io.tracker.domain.conversion.export.Platform;
import io.tracker.domain.shared.RuleViolationException;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The uploader's database side, each method in a transaction of its own (the HTTP requests in between run
 * outside any transaction, see {@link ConversionUploader}): what a run sends, and each request's results.
 */
@Stateless
public class DestinationUploads {

    @Inject
    private TenantConnections connections;

    /** A destination due for its scheduled upload. */
    public record Due(String tenantId, Platform platform) {
    }

    /**
     * Starts a run: checks the destination can be sent to, marks it uploaded now ({@code last_upload_at}, so the
     * schedule does not start it again while it runs), reads the rows that are new, changed or waiting to be retried
     * (conversions of the last {@link #lookback} days; adjustments for Google Ads), keeps those that validation
     * refuses as INVALID with the reasons, and returns the others.
     *
     * @throws RuleViolationException when the destination is not enabled, is Microsoft Advertising (files only), or
     *                                lacks the account id or a token it needs, naming what
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public UploadWork prepare(Platform platform) {
        if (platform == Platform.MICROSOFT_ADS) {
            throw new RuleViolationException("Microsoft Advertising takes files only: download the click conversions file "
                    + "and upload it in Microsoft Advertising");
        }
        String label = PlatformNames.label(platform);
        try (Connection c = connections.forCurrentTenant()) {
            String account;
            String login;
            String endpoint;
            String accessToken;
            String developerToken;
            try (PreparedStatement ps = c.prepareStatement("select enabled, account_id, login_customer_id, endpoint, "
                    + "access_token, developer_token from destination where platform = ? for update")) {
                ps.setString(1, platform.name());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        throw new RuleViolationException(label + " is not enabled: save its settings with enabled true first");
                    }
                    account = rs.getString(2);
                    login = rs.getString(3);
                    endpoint = rs.getString(4);
                    accessToken = rs.getString(5);
                    developerToken = rs.getString(6);
                }
            }
            if (account == null) {
                throw new RuleViolationException(label + " has no account_id");
            }
            if (accessToken == null) {
                throw new RuleViolationException(label + " has no access_token");
            }
            if (platform == Platform.GOOGLE_ADS && developerToken == null) {
                throw new RuleViolationException("Google Ads needs a developer_token");
            }
            try (PreparedStatement ps = c.prepareStatement("update destination set last_upload_at = now() where platform = ?")) {
                ps.setString(1, platform.name());
                ps.executeUpdate();
            }
            ZoneId zone = OutgoingConversions.zone(c);
            Instant now = Instant.now();
            int considered = 0;
            List<OutgoingConversion> valid = new ArrayList<>();
            List<String> fingerprints = new ArrayList<>();
            List<Object[]> invalid = new ArrayList<>();
            for (OutgoingConversions.Candidate candidate : OutgoingConversions.candidates(c, platform,
                    now.minus(lookback(platform)), now.plusSeconds(1))) {
                if (!candidate.unsettled()) {
                    continue;
                }
                considered++;
                List<String> problems = ExportValidator.problems(platform, candidate.conversion(), now);
                if (problems.isEmpty()) {
                    valid.add(candidate.conversion());
                    fingerprints.add(candidate.fingerprint());
                } else {
                    invalid.add(new Object[] {"CONVERSION", candidate.conversion().conversionId(), String.join("; ", problems),
                            candidate.fingerprint()});
                }
            }
            List<OutgoingAdjustment> adjustments = new ArrayList<>();
            for (OutgoingConversions.AdjustmentCandidate candidate : OutgoingConversions.adjustmentCandidates(c, platform,
                    now.minus(lookback(platform)), now.plusSeconds(1))) {
                if (!candidate.unsettled()) {
                    continue;
                }
                considered++;
                List<String> problems = ExportValidator.problems(platform, candidate.adjustment(), now);
                if (problems.isEmpty()) {
                    adjustments.add(candidate.adjustment());
                } else {
                    invalid.add(new Object[] {"ADJUSTMENT", candidate.adjustment().adjustmentId(), String.join("; ", problems),
                            null});
                }
            }
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                for (Object[] row : invalid) {
                    ps.setString(1, platform.name());
                    ps.setString(2, (String) row[0]);
                    ps.setLong(3, (Long) row[1]);
                    ps.setString(4, "INVALID");
                    ps.setString(5, (String) row[2]);
                    ps.setObject(6, null);
                    ps.setString(7, (String) row[3]);
                    ps.addBatch();
                }
                if (!invalid.isEmpty()) {
                    ps.executeBatch();
                }
            }
            return new UploadWork(account, login, endpoint, accessToken, developerToken, zone, valid, fingerprints,
                    adjustments, considered, invalid.size());
        } catch (SQLException e) {
            throw new IllegalStateException("preparing the upload failed: " + e.getMessage(), e);
        }
    }

    /**
     * How far back a run looks: Google Ads' click window (90 days); for Meta the oldest event it takes at all (62 days,
     * a {@code physical_store} event), so website events older than Meta's 7 days are reported INVALID, not skipped.
     */
    static Duration lookback(Platform platform) {
        return platform == Platform.META ? META_OLDEST_EVENT : platform.clickWindow();
    }

    private static final Duration META_OLDEST_EVENT = Duration.ofDays(62);

    private static final String UPSERT = "insert into destination_upload (tenant_id, platform, kind, item_id, status, "
            + "error, attempts, request_id, fingerprint, updated_at) values (current_setting('" + TenantConnections.SETTING
            + "'), ?, ?, ?, ?, ?, 1, ?, ?, now()) on conflict (tenant_id, platform, kind, item_id) do update set "
            + "status = excluded.status, error = excluded.error, attempts = destination_upload.attempts + 1, "
            + "request_id = excluded.request_id, fingerprint = excluded.fingerprint, updated_at = now()";

    /**
     * Keeps one request ({@code destination_request}) and its rows' results ({@code destination_upload}).
     *
     * @param kind         {@code CONVERSION} or {@code ADJUSTMENT}
     * @param itemIds      the rows sent, in the order sent
     * @param fingerprints per row, or null (adjustments)
     * @return the request's id
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public long record(Platform platform, String kind, List<Long> itemIds, List<String> fingerprints, PlatformAnswer answer) {
        try (Connection c = connections.forCurrentTenant()) {
            long requestId;
            try (PreparedStatement ps = c.prepareStatement("insert into destination_request (tenant_id, platform, rows, "
                    + "http_status, outcome) values (current_setting('" + TenantConnections.SETTING + "'), ?, ?, ?, ?) "
                    + "returning id")) {
                ps.setString(1, platform.name());
                ps.setInt(2, itemIds.size());
                ps.setObject(3, answer.httpStatus());
                ps.setString(4, answer.outcome());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    requestId = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                for (int i = 0; i < itemIds.size(); i++) {
                    RowOutcome row = answer.rows().get(i);
                    ps.setString(1, platform.name());
                    ps.setString(2, kind);
                    ps.setLong(3, itemIds.get(i));
                    ps.setString(4, row.status());
                    ps.setString(5, row.error());
                    ps.setLong(6, requestId);
                    ps.setString(7, fingerprints == null ? null : fingerprints.get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return requestId;
        } catch (SQLException e) {
            throw new IllegalStateException("keeping the upload's results failed: " + e.getMessage(), e);
        }
    }

    /** The destinations whose scheduled upload is due, over all tenants (database function destinations_due). */
    @CrossTenant("the upload schedule finds which tenants' destinations are due before it works as each of them; "
            + "it reads tenant ids and platforms only")
    public List<Due> due() {
        try (Connection c = connections.forCrossTenantFunctions();
             PreparedStatement ps = c.prepareStatement("select tenant_id, platform from destinations_due()");
             ResultSet rs = ps.executeQuery()) {
            List<Due> due = new ArrayList<>();
            while (rs.next()) {
                due.add(new Due(rs.getString(1), Platform.valueOf(rs.getString(2))));
            }
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException("listing the destinations due failed: " + e.getMessage(), e);
        }
    }
}
