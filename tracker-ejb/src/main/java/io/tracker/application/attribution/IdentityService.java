package io.tracker.application.attribution;

import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.attribution.IdentityLink;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.tracking.PersonKey;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code identify} for one visitor of the current tenant, in a transaction of its own: links the
 * visitor id to the person's user id and/or hashed e-mail address ({@link PersonKey}) and marks it for
 * attribution, so that its person's journeys join within seconds. Batched ways in (the collection
 * writer) call {@link IdentityLinks} directly in their own transactions.
 */
@Stateless
@RequiresPermission(Permission.INGEST)
public class IdentityService {

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    /**
     * @param visitorId   the visitor (device, browser) id being identified
     * @param userId      the site's user id, or null
     * @param emailSha256 SHA-256 of the trimmed, lower-cased e-mail address as 64 hex digits, or null
     * @return the number of new links (0: all were known)
     * @throws InvalidInputException when the visitor id is blank, neither key is given, or one is malformed
     */
    public int identify(String visitorId, String userId, String emailSha256) {
        if (visitorId == null || visitorId.isBlank()) {
            throw new InvalidInputException("identify needs the visitor id");
        }
        List<IdentityLink> links = new ArrayList<>();
        try {
            if (userId != null) {
                links.add(new IdentityLink(visitorId, PersonKey.ofUserId(userId).value()));
            }
            if (emailSha256 != null) {
                links.add(new IdentityLink(visitorId, PersonKey.ofEmailSha256(emailSha256).value()));
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("identify: " + e.getMessage());
        }
        if (links.isEmpty()) {
            throw new InvalidInputException("identify needs a user id or an e-mail hash");
        }
        try (Connection c = connections.forCurrentTenant()) {
            return IdentityLinks.link(c, currentTenant.require(), links);
        } catch (SQLException e) {
            throw new IllegalStateException("storing the identity failed: " + e.getMessage(), e);
        }
    }
}
