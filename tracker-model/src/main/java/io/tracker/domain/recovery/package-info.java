/**
 * SMS cart recovery's domain: when a text about an abandoned checkout may go out
 * ({@link io.tracker.domain.recovery.QuietHours}, in the shopper's time zone), which carts are held back as
 * the control group that gets no text ({@link io.tracker.domain.recovery.ControlGroup}, reproducible from the
 * flow and the cart alone), what the texts added over that control group
 * ({@link io.tracker.domain.recovery.Incrementality}, counts and revenue with 95% intervals), which replies
 * opt a shopper out or back in ({@link io.tracker.domain.recovery.OptOutKeywords}) and the text a flow sends
 * ({@link io.tracker.domain.recovery.MessageTemplate}, one {@code {link}} to the restored cart). Pure Java,
 * no container, no clock: callers pass the instants and zones.
 */
package io.tracker.domain.recovery;
