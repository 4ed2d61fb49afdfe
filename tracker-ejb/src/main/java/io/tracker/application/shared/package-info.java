/**
 * Infrastructure every capability uses: the data source names and the start-up schema migration,
 * which runs as the schema's owner and refuses an application role that row-level security would
 * not bind.
 */
package io.tracker.application.shared;
