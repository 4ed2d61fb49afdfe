package io.tracker.application.campaign;

import io.tracker.application.shared.RowError;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What an upload of ad cost did. {@code rows = rejected + rows added into stored ones}: rows of the same
 * campaign and day in one file are added up into one stored row, so {@code stored <= rows - rejected}.
 *
 * @param id         the upload's id ({@code GET /api/v1/imports/costs/{id}})
 * @param layout     {@code google_ads}, {@code microsoft_ads}, {@code meta} or {@code plain}
 * @param rows       data rows read after the header line
 * @param stored     (day, campaign) rows stored
 * @param rejected   rows refused (listed in {@code errors})
 * @param skipped    title, total, note and blank lines skipped
 * @param replaced   rows of earlier imports of the same platform removed because this file has their day
 * @param firstDay   the earliest day stored, null when none
 * @param lastDay    the latest day stored, null when none
 * @param days       how many days were stored (and so replaced)
 * @param cost       the cost stored, in {@code currency}, rounded to cents
 * @param currency   the tenant's reporting currency, the only one accepted
 * @param errors     the first 1,000 rejected rows: the file's line (from 1, title lines counted), the column as
 *                   the header names it (null for the row) and why
 */
public record CostImportReport(long id, Instant receivedAt, String layout, int rows, int stored, int rejected,
                               int skipped, int replaced, LocalDate firstDay, LocalDate lastDay, int days,
                               BigDecimal cost, String currency, List<RowError> errors) implements Serializable {
}
