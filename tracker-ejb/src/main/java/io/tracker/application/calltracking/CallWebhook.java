package io.tracker.application.calltracking;

/**
 * A tenant's call webhook.
 *
 * @param accountId     public: names the tenant in the webhook's URL ({@code /api/v1/calls?account=…})
 * @param signingSecret signs the provider's requests (HMAC); shown to analysts and agency admins only
 */
public record CallWebhook(String accountId, String signingSecret) {
}
