/**
 * Data-accuracy audit and tag health.
 * <ul>
 *   <li>Importing a shop's orders and the platforms' reported conversions
 *       ({@link io.tracker.application.audit.StoreOrderImportService},
 *       {@link io.tracker.application.audit.PlatformConversionImportService}) and auditing a period
 *       ({@link io.tracker.application.audit.AccuracyAuditService}).</li>
 *   <li>{@link io.tracker.application.audit.TagHealthService} reads a client's tag health (the hourly roll-up
 *       {@code tag_health_hour} the collection writes, page views, conversions);
 *       {@link io.tracker.application.audit.AlertChecker} turns failed checks into alerts (one open alert per check
 *       and subject), delivered by webhook and e-mail unless the client muted them.</li>
 * </ul>
 * Every statement runs on the current tenant's connection, so row-level security keeps other clients' rows out.
 */
package io.tracker.application.audit;
