package io.tracker.interfaces.shared.web;

import io.tracker.domain.shared.DomainException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Optional;

/** Page-level messages for the current view, shown by the page's {@code p:messages}. */
public final class Messages {

    private Messages() {
    }

    public static void error(String text) {
        add(FacesMessage.SEVERITY_ERROR, text);
    }

    public static void warn(String text) {
        add(FacesMessage.SEVERITY_WARN, text);
    }

    public static void info(String text) {
        add(FacesMessage.SEVERITY_INFO, text);
    }

    /** An error about one component (by client id), shown only where messages for it are shown. */
    public static void errorFor(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** A notice about one component (by client id), shown only where messages for it are shown. */
    public static void infoFor(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /**
     * The domain exception behind a failed service call, if that is what it was: EJB calls deliver
     * it wrapped in an {@code EJBException}. Its message is written for users and may be shown;
     * anything else is a fault whose details belong in the log only.
     */
    public static Optional<DomainException> domainCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DomainException d) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
