/** Infrastructure every capability uses: the data source name and the start-up schema migration. */
package io.tracker.application.shared;
