package io.tracker.interfaces.tracking.web;

import io.tracker.application.tenant.Onboarding;
import io.tracker.application.tenant.OnboardingService;
import io.tracker.application.tracking.collection.Site;
import io.tracker.application.tracking.collection.SiteService;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * Backs the dashboard's set-up checklist ({@code WEB-INF/includes/onboarding.xhtml}), shown instead of empty
 * figures until the client's first event is stored: a key or the tag (with the first site's snippet), the first
 * event (polled every few seconds: the page reloads into the dashboard when it arrives), a file import, the
 * conversion actions with the day each last fired.
 */
@Named
@ViewScoped
public class OnboardingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private OnboardingService onboarding;

    @Inject
    private SiteService sites;

    @Inject
    private SignedInUser user;

    private Onboarding status;
    private String snippet;

    @PostConstruct
    public void init() {
        status = onboarding.status();
        List<Site> list = sites.list();
        snippet = list.isEmpty() ? null : new SiteSnippets(SitesBacking.publicUrl()).tag(list.get(0));
    }

    /** The poll: once the first event is stored, the page reloads into the dashboard. */
    public void check() {
        status = onboarding.status();
        if (status.hasEvents()) {
            PrimeFaces.current().executeScript("location.reload();");
        }
    }

    /** Whether the checklist replaces the dashboard: nothing stored yet. */
    public boolean isShown() {
        return !status.hasEvents();
    }

    public Onboarding getStatus() {
        return status;
    }

    /** The first site's tag snippet; null without a site. */
    public String getSnippet() {
        return snippet;
    }

    public boolean isMayEditSetup() {
        return user.isMayEditSetup();
    }
}
