/**
 * Managing the tenant's conversion actions ({@link io.tracker.application.conversion.ConversionActionService}:
 * create, change, pause, delete only without conversions; a change of counting, windows, journey start or
 * status queues the action's visitors for background re-attribution) and reading recorded conversions.
 */
package io.tracker.application.conversion;
