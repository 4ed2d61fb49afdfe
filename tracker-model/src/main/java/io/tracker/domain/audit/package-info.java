/**
 * Data-accuracy audit and tag health: the rules that judge whether tracking works (thresholds of the tag-health
 * checks, a hit's website domain), free of the database.
 */
package io.tracker.domain.audit;
