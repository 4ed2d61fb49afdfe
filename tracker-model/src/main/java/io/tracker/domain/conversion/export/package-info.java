/**
 * Conversions going back to the ad platforms (issue #10): Google Ads, Microsoft Advertising and Meta. What is
 * sent is an {@link io.tracker.domain.conversion.export.OutgoingConversion} (or, for Google Ads, an
 * {@link io.tracker.domain.conversion.export.OutgoingAdjustment}); {@link
 * io.tracker.domain.conversion.export.ExportValidator} says why a row cannot be sent; the import files
 * (CSV, one class per template) and the API request bodies (JSON, one class per platform) write the rows as
 * each platform's documentation specifies, cited on each class.
 *
 * <p>Invariants: no raw personal data leaves here, only SHA-256 hashes; a Google row carries exactly one click
 * id; every time is written with the offset it is in (never a local time labelled UTC); amounts keep the scale
 * they were given; absent values are left out (JSON) or empty (CSV), never {@code null}. Pure Java: the writers
 * neither validate nor split batches ({@link io.tracker.domain.conversion.export.Platform#maxRowsPerRequest()}
 * is the caller's limit).
 */
package io.tracker.domain.conversion.export;
