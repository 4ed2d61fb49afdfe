package io.tracker.application.audit;

import java.util.List;

/**
 * A client's alert settings as the API shows them. The webhook's signing secret is shown only in the answer that
 * generated it ({@code webhookSecret}; null otherwise), as other secrets are.
 *
 * @param muted            nothing delivered and nothing on the dashboard (alerts are still recorded)
 * @param webhookUrl       where alerts are POSTed; null: no webhook
 * @param webhookSecret    the signing secret, only right after it was generated
 * @param webhookSecretSet whether a signing secret exists
 * @param emails           where alerts are e-mailed (0 to 20)
 * @param thankYouPatterns the URL patterns of thank-you pages (the defaults when the client set none)
 * @param mailConfigured   whether Tracker can send e-mail at all (TRACKER_MAIL_HOST and _FROM)
 */
public record AlertSettings(boolean muted, String webhookUrl, String webhookSecret, boolean webhookSecretSet,
                            List<String> emails, List<String> thankYouPatterns, boolean mailConfigured) {
}
