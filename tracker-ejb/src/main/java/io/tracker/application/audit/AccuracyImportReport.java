package io.tracker.application.audit;

import io.tracker.application.shared.RowError;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What an upload of store orders or platform conversions did.
 *
 * @param id       the upload's id ({@code GET /api/v1/imports/store-orders/{id}} or {@code …/platform-conversions/{id}})
 * @param kind     {@code store_orders} or {@code platform_conversions}
 * @param layout   store orders: {@code shopify}, {@code woocommerce}, {@code plain}; platform conversions:
 *                 {@code google_ads}, {@code microsoft_ads}, {@code meta}
 * @param rows     data rows read after the header line
 * @param stored   orders (or platform, day and campaign rows) stored, new or updated
 * @param replaced of those, stored before and so updated
 * @param rejected rows refused (listed in {@code errors})
 * @param skipped  title, total, note and blank lines, and line-item rows of an order read already
 * @param firstDay the earliest day stored (orders: in the tenant's time zone), null when none
 * @param lastDay  the latest, null when none
 * @param errors   the first 1,000 rejected rows: the file's line (from 1, title lines counted), the column as the
 *                 header names it (null for the row) and why
 */
public record AccuracyImportReport(long id, String kind, String layout, Instant receivedAt, int rows, int stored,
                                   int replaced, int rejected, int skipped, LocalDate firstDay, LocalDate lastDay,
                                   List<RowError> errors) implements Serializable {
}
