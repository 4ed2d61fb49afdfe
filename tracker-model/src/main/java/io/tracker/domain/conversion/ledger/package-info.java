/**
 * The conversion ledger's domain: later changes of a recorded conversion, by order id. {@code RESTATE} sets
 * the conversion's value (a lead that became a sale, a partial refund), {@code RETRACT} takes it out (a
 * cancelled or fully refunded order); a refund by amount ({@link io.tracker.domain.conversion.ledger.Change.Refund})
 * becomes one of the two against the conversion's value at the time it is applied. Input is read strictly
 * ({@link io.tracker.domain.conversion.ledger.AdjustmentReader}): an adjustment is either valid or refused
 * naming the field; nothing is guessed. Pure: no container, no database.
 */
package io.tracker.domain.conversion.ledger;
