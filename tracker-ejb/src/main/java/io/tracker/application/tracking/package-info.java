/**
 * Collecting events: validation ({@link io.tracker.application.tracking.EventValidator}), the batched
 * write path ({@link io.tracker.application.tracking.EventStore}) and file imports.
 */
package io.tracker.application.tracking;
