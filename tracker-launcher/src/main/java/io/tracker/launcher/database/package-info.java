/**
 * The database: which one applies (configured URL, local server, embedded PostgreSQL), creating it
 * and the application's login role {@code <database>_app} (no superuser, no BYPASSRLS, owns nothing),
 * and the embedded PostgreSQL itself.
 */
package io.tracker.launcher.database;
