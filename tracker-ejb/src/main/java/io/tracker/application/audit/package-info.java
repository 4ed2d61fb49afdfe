/**
 * Data-accuracy audit and tag health: {@link io.tracker.application.audit.TagHealthService} reads a client's tag
 * health (the hourly roll-up {@code tag_health_hour} the collection writes, page views, conversions);
 * {@link io.tracker.application.audit.AlertChecker} turns failed checks into alerts (one open alert per check and
 * subject), delivered by webhook and e-mail unless the client muted them.
 */
package io.tracker.application.audit;
