package io.tracker.application.audit;

import java.util.List;

/**
 * New alert settings (every field replaces the stored one).
 *
 * @param muted            null: false
 * @param webhookUrl       absolute http(s) URL, at most 2048 characters; null or blank: no webhook
 * @param emails           0 to 20 plain addresses; null: none
 * @param thankYouPatterns 1 to 20 patterns of 2 to 200 characters ({@code *} any characters); null: the defaults
 * @param newSecret        true: generate a new signing secret (one is generated anyway with the first webhook URL)
 */
public record AlertSettingsChange(Boolean muted, String webhookUrl, List<String> emails, List<String> thankYouPatterns,
                                  Boolean newSecret) {
}
