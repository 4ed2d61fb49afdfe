package io.tracker.interfaces.tenant.web;

import io.tracker.application.tenant.AuditLog;
import io.tracker.domain.tenant.AuditEntry;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Backs {@code /app/admin/audit.xhtml} (agency admins): the selected client's newest
 * {@value #SHOWN} audit entries ({@link AuditLog#recent}), times in the client's time zone, actions
 * named in words.
 */
@Named
@ViewScoped
public class AuditLogBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many of the newest entries the page lists. */
    static final int SHOWN = 200;

    /** Words for the action codes the services record; an unknown code is shown as it is. */
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("tenant.created", "Client created"),
            Map.entry("api-key.created", "API key created"),
            Map.entry("api-key.revoked", "API key revoked"),
            Map.entry("member.invited", "User invited"),
            Map.entry("member.role-changed", "Role changed"),
            Map.entry("member.removed", "User removed"),
            Map.entry("campaign.created", "Campaign created"),
            Map.entry("campaign.changed", "Campaign changed"),
            Map.entry("campaign.deleted", "Campaign deleted"),
            Map.entry("conversion-action.created", "Conversion action created"));

    @Inject
    private AuditLog audit;

    private List<EntryRow> entries = List.of();

    @PostConstruct
    public void init() {
        entries = audit.recent(SHOWN).stream().map(EntryRow::new).toList();
    }

    public List<EntryRow> getEntries() {
        return entries;
    }

    public int getShown() {
        return SHOWN;
    }

    /** The action in words: {@code api-key.revoked} → "API key revoked". */
    static String describe(String action) {
        return ACTIONS.getOrDefault(action, action);
    }

    /** One entry as the table shows it. */
    public static final class EntryRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private final Instant at;
        private final String actor;
        private final String action;
        private final String actionLabel;
        private final String target;
        private final String details;

        EntryRow(AuditEntry e) {
            this.at = e.getAt();
            this.actor = e.getActor();
            this.action = e.getAction();
            this.actionLabel = describe(e.getAction());
            this.target = e.getTarget();
            this.details = e.getDetails();
        }

        public Instant getAt() {
            return at;
        }

        public String getActor() {
            return actor;
        }

        /** The code as recorded, such as {@code api-key.revoked}. */
        public String getAction() {
            return action;
        }

        /** What kind of thing changed: the code's part before the dot ({@code api-key}, {@code member} …). */
        public String getSubject() {
            int dot = action.indexOf('.');
            return dot < 0 ? action : action.substring(0, dot);
        }

        public String getActionLabel() {
            return actionLabel;
        }

        public String getTarget() {
            return target;
        }

        public String getDetails() {
            return details;
        }
    }
}
