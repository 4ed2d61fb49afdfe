/**
 * The conversion ledger (V19's {@code conversion_adjustment}): restatements and retractions of recorded
 * conversions by order id, from the API, CSV files and Segment. Every change of a conversion's value leaves a
 * ledger row with the value before and after; a retracted conversion is deleted (its credits and roll-ups
 * follow through the triggers) and lives on only in the ledger. Reports show net revenue; gross revenue is net
 * plus what the ledger took away from the period's conversions.
 */
package io.tracker.application.conversion.ledger;
