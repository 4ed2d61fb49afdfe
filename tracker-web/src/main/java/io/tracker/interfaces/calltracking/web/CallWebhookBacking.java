package io.tracker.interfaces.calltracking.web;

import io.tracker.application.calltracking.CallTrackingSetupService;
import io.tracker.application.calltracking.CallWebhook;
import io.tracker.domain.shared.DomainException;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.shared.web.PublicUrl;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Backs the webhook section of {@code /app/calls.xhtml}: the URL to give the telephony provider
 * ({@code <public URL>/api/v1/calls?account=<account id>}) and the signing secret its requests are signed
 * with, which the person may replace (for Twilio: the account's auth token). Only analysts and agency admins
 * see any of it: {@link CallTrackingSetupService#webhook()} (which makes the webhook on first use) is theirs
 * alone, so for anyone else nothing is read.
 */
@Named
@ViewScoped
public class CallWebhookBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CallTrackingSetupService setup;

    @Inject
    private SignedInUser user;

    private String tenantId;
    private String base;
    private CallWebhook webhook;

    /** The form: a new signing secret. */
    private String newSecret;

    @PostConstruct
    public void init() {
        tenantId = user.getTenantId();
        base = PublicUrl.base();
        if (user.isMayEditSetup()) {
            webhook = setup.webhook();
        }
    }

    /** Replaces the signing secret with the form's. */
    public void useSecret() {
        if (!user.confirmStill(tenantId)) {
            return;
        }
        try {
            webhook = setup.useSigningSecret(newSecret);
            newSecret = null;
            Messages.info("Saved the signing secret: requests signed with it are accepted from now on.");
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
    }

    /** Whether the webhook is shown (to those who may change set-up). */
    public boolean isShown() {
        return webhook != null;
    }

    public String getAccountId() {
        return webhook == null ? null : webhook.accountId();
    }

    /** What to enter as the provider's status callback URL. */
    public String getUrl() {
        return webhook == null ? null : base + "/api/v1/calls?account=" + webhook.accountId();
    }

    public String getSigningSecret() {
        return webhook == null ? null : webhook.signingSecret();
    }

    public String getNewSecret() {
        return newSecret;
    }

    public void setNewSecret(String newSecret) {
        this.newSecret = newSecret;
    }
}
