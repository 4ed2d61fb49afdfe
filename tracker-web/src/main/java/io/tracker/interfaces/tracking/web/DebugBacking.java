package io.tracker.interfaces.tracking.web;

import io.tracker.application.tracking.debug.DebugHitView;
import io.tracker.application.tracking.debug.DebugSession;
import io.tracker.application.tracking.debug.DebugSessionService;
import io.tracker.domain.shared.DomainException;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Backs {@code /app/debug.xhtml?session=<id>}: one debug session's hits, newest first, as Tracker understood them
 * (README "Debug mode"), read again every 2 seconds by the page's poll through {@link DebugSessionService}. Times in
 * the client's reporting time zone.
 */
@Named
@ViewScoped
public class DebugBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Inject
    private DebugSessionService sessions;

    @Inject
    private SignedInUser user;

    private String sessionParameter;
    private String siteName;
    private String startUrl;
    private Instant expiresAt;
    private boolean found;
    private List<Row> rows = List.of();

    /**
     * One hit as the page shows it (plain texts: the view may be serialized).
     *
     * @param outcome the outcome's code ({@code new}, {@code duplicate_order} …), also the row's style
     */
    public record Row(long id, String time, String kind, String url, String channel, String campaign, String clickIds,
                      String action, String value, String orderId, String outcome, String outcomeWords)
            implements Serializable {
    }

    /** The view action: reads the session and its hits. */
    public void open() {
        try {
            Optional<DebugSession> session = sessions.find(sessionParameter == null ? "" : sessionParameter.strip());
            if (session.isEmpty()) {
                Messages.error("No debug session " + (sessionParameter == null ? "" : sessionParameter)
                        + " in this client: start one on Sites with \"Debug this site\".");
                return;
            }
            siteName = session.get().siteName();
            startUrl = session.get().startUrl();
            expiresAt = session.get().expiresAt();
            found = true;
            refresh();
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
    }

    /** The poll's listener: reads the hits again. */
    public void refresh() {
        if (!found) {
            return;
        }
        ZoneId zone = user.getTimeZone();
        rows = sessions.hits(sessionParameter.strip()).stream().map(h -> row(h, zone)).toList();
    }

    static Row row(DebugHitView h, ZoneId zone) {
        String kind = h.kind() + (h.eventName() != null && !"page_view".equals(h.eventName())
                ? " '" + h.eventName() + "'" : "");
        String channel = h.channel() == null ? "" : h.channel() + (h.fromVisit() ? " (of the visit)" : "");
        String value = h.value() == null ? "" : h.value().toPlainString() + " " + h.currency();
        return new Row(h.id(), TIME.format(h.at().atZone(zone)), kind, h.url(), channel, blank(h.campaign()),
                blank(h.clickIds()), blank(h.actionKey()), value, blank(h.orderId()), h.outcome().code(),
                h.outcomeWords());
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }

    public boolean isEnded() {
        return expiresAt != null && !Instant.now().isBefore(expiresAt);
    }

    /** When the session ends, in the client's time zone. */
    public String getEndsAt() {
        return expiresAt == null ? "" : TIME.format(expiresAt.atZone(user.getTimeZone()));
    }

    public String getSessionParameter() {
        return sessionParameter;
    }

    public void setSessionParameter(String sessionParameter) {
        this.sessionParameter = sessionParameter;
    }

    public boolean isFound() {
        return found;
    }

    public String getSiteName() {
        return siteName;
    }

    public String getStartUrl() {
        return startUrl;
    }

    public List<Row> getRows() {
        return rows;
    }
}
