package io.tracker.application.conversion.destinations;

import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.conversion.export.ExportValidator;
import io.tracker.domain.conversion.export.GoogleAdsAdjustmentsFile;
import io.tracker.domain.conversion.export.GoogleAdsClickConversionsFile;
import io.tracker.domain.conversion.export.MicrosoftClickConversionsFile;
import io.tracker.domain.conversion.export.OutgoingAdjustment;
import io.tracker.domain.conversion.export.OutgoingConversion;
import io.tracker.domain.conversion.export.Platform;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Files a user uploads by hand: Google Ads' offline click conversions and conversion adjustments, Microsoft
 * Advertising's offline click conversions, each of the current tenant's conversions (or adjustments) of actions
 * mapped to the platform in a period, in the formats of {@code io.tracker.domain.conversion.export} with times in
 * the tenant's zone. Rows that validation refuses are left out of the file and listed with the reasons
 * ({@link #problems}); whatever the uploader did with them does not matter here.
 */
@Stateless
public class DestinationExports {

    @Inject
    private TenantConnections connections;

    /**
     * The click conversions file of conversions in [from, to).
     *
     * @throws InvalidInputException for Meta, which takes no file
     */
    @RequiresPermission({Permission.READ_REPORTS, Permission.EDIT_SETUP})
    public ExportFile clickConversions(Platform platform, Instant from, Instant to) {
        if (platform == Platform.META) {
            throw new InvalidInputException("Meta takes no offline conversions file: use the uploader");
        }
        try (Connection c = connections.forCurrentTenant()) {
            ZoneId zone = OutgoingConversions.zone(c);
            Instant now = Instant.now();
            List<OutgoingConversion> valid = new ArrayList<>();
            List<ExportProblem> problems = new ArrayList<>();
            split(c, platform, from, to, now, valid, problems);
            StringBuilder csv = new StringBuilder();
            if (platform == Platform.GOOGLE_ADS) {
                GoogleAdsClickConversionsFile.write(valid, zone, csv);
            } else {
                MicrosoftClickConversionsFile.write(valid, zone, csv);
            }
            return new ExportFile(csv.toString(), valid.size(), problems);
        } catch (IOException e) {
            throw new IllegalStateException("writing the file failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the conversions to export failed: " + e.getMessage(), e);
        }
    }

    /**
     * Google Ads' conversion adjustments file of adjustments made in [from, to).
     *
     * @throws InvalidInputException for another platform
     */
    @RequiresPermission({Permission.READ_REPORTS, Permission.EDIT_SETUP})
    public ExportFile adjustments(Platform platform, Instant from, Instant to) {
        if (platform != Platform.GOOGLE_ADS) {
            throw new InvalidInputException("only Google Ads takes a conversion adjustments file");
        }
        try (Connection c = connections.forCurrentTenant()) {
            ZoneId zone = OutgoingConversions.zone(c);
            Instant now = Instant.now();
            List<OutgoingAdjustment> valid = new ArrayList<>();
            List<ExportProblem> problems = new ArrayList<>();
            splitAdjustments(c, platform, from, to, now, valid, problems);
            StringBuilder csv = new StringBuilder();
            GoogleAdsAdjustmentsFile.write(valid, zone, csv);
            return new ExportFile(csv.toString(), valid.size(), problems);
        } catch (IOException e) {
            throw new IllegalStateException("writing the file failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the adjustments to export failed: " + e.getMessage(), e);
        }
    }

    /** The rows of [from, to) that cannot go out to the platform, with the reasons: conversions, then adjustments. */
    @RequiresPermission({Permission.READ_REPORTS, Permission.EDIT_SETUP})
    public List<ExportProblem> problems(Platform platform, Instant from, Instant to) {
        try (Connection c = connections.forCurrentTenant()) {
            Instant now = Instant.now();
            List<ExportProblem> problems = new ArrayList<>();
            split(c, platform, from, to, now, new ArrayList<>(), problems);
            splitAdjustments(c, platform, from, to, now, new ArrayList<>(), problems);
            return problems;
        } catch (SQLException e) {
            throw new IllegalStateException("checking the conversions to export failed: " + e.getMessage(), e);
        }
    }

    private static void split(Connection c, Platform platform, Instant from, Instant to, Instant now,
                              List<OutgoingConversion> valid, List<ExportProblem> problems) throws SQLException {
        for (OutgoingConversions.Candidate candidate : OutgoingConversions.candidates(c, platform, from, to)) {
            OutgoingConversion oc = candidate.conversion();
            List<String> p = ExportValidator.problems(platform, oc, now);
            if (p.isEmpty()) {
                valid.add(oc);
            } else {
                problems.add(new ExportProblem("CONVERSION", oc.conversionId(), oc.conversionId(), oc.orderId(),
                        oc.convertedAt(), List.copyOf(p)));
            }
        }
    }

    private static void splitAdjustments(Connection c, Platform platform, Instant from, Instant to, Instant now,
                                         List<OutgoingAdjustment> valid, List<ExportProblem> problems) throws SQLException {
        for (OutgoingConversions.AdjustmentCandidate candidate : OutgoingConversions.adjustmentCandidates(c, platform, from, to)) {
            OutgoingAdjustment a = candidate.adjustment();
            List<String> p = ExportValidator.problems(platform, a, now);
            if (p.isEmpty()) {
                valid.add(a);
            } else {
                problems.add(new ExportProblem("ADJUSTMENT", a.adjustmentId(), conversionIdOf(c, a), a.orderId(),
                        a.adjustedAt(), List.copyOf(p)));
            }
        }
    }

    private static long conversionIdOf(Connection c, OutgoingAdjustment a) throws SQLException {
        try (var ps = c.prepareStatement("select conversion_id from conversion_adjustment where id = ?")) {
            ps.setLong(1, a.adjustmentId());
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
