/**
 * The data-accuracy audit's application services: importing a shop's orders and the platforms' reported conversions
 * ({@link io.tracker.application.audit.StoreOrderImportService},
 * {@link io.tracker.application.audit.PlatformConversionImportService}) and auditing a period
 * ({@link io.tracker.application.audit.AccuracyAuditService}). Every statement runs on the current tenant's
 * connection, so row-level security keeps other clients' orders and reports out.
 */
package io.tracker.application.audit;
