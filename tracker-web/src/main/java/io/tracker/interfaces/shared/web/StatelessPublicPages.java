package io.tracker.interfaces.shared.web;

import io.tracker.interfaces.tenant.web.PublicPaths;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

/**
 * Keeps the public pages ({@code PublicPaths}: the landing page and the error pages) without a session.
 * Their template makes their views transient, but only when the view is built, at rendering;
 * PrimeFaces' Content-Security-Policy support creates the script nonce just before that and keeps it
 * in the view map of every view not yet transient, which opens a session. Marking these views
 * transient as soon as they are created (after restore view, for a first request) leaves the nonce
 * in the request only, as the template intends.
 */
public class StatelessPublicPages implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void afterPhase(PhaseEvent event) {
        UIViewRoot view = event.getFacesContext().getViewRoot();
        if (view != null && !event.getFacesContext().isPostback() && view.getViewId() != null
                && PublicPaths.isPublic(view.getViewId())) {
            view.setTransient(true);
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }
}
