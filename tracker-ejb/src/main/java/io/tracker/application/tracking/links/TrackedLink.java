package io.tracker.application.tracking.links;

import java.time.Instant;

/**
 * One of the tenant's tracked links, as {@link TrackedLinkService} lists it.
 *
 * @param code        the short code: the link is {@code <public URL>/c/<code>}
 * @param campaignId  the campaign it was made for
 * @param campaign    that campaign's name
 * @param channel     the channel its UTM values give (default channel grouping)
 * @param destination where it leads, with its UTM values in the query
 * @param createdAt   when it was made (instant)
 * @param createdBy   who made it (the audit log's actor)
 * @param archivedAt  when it was archived (it then answers 404); null while active
 * @param clicks      its stored clicks (bots not counted)
 */
public record TrackedLink(long id, String code, long campaignId, String campaign, String channel,
                          String utmSource, String utmMedium, String utmCampaign, String utmTerm, String utmContent,
                          String destination, Instant createdAt, String createdBy, Instant archivedAt, long clicks) {

    /** True while the link redirects. */
    public boolean active() {
        return archivedAt == null;
    }
}
