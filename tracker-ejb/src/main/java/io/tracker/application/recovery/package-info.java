/**
 * SMS cart recovery: flows ({@link io.tracker.application.recovery.RecoveryFlowService}), the periodic work that
 * finds abandoned carts and texts them ({@link io.tracker.application.recovery.RecoveryScheduler},
 * {@link io.tracker.application.recovery.CartRecoveryWork}), the provider's inbound and status webhooks
 * ({@link io.tracker.application.recovery.SmsHooks}), and the report with its control-group comparison
 * ({@link io.tracker.application.recovery.RecoveryReportService}). Texts go out through
 * {@link io.tracker.application.recovery.sms}.
 */
package io.tracker.application.recovery;
