package io.tracker.interfaces.tenant.rest;

import io.tracker.application.tenant.Caller;
import io.tracker.domain.shared.DomainException;
import jakarta.enterprise.context.RequestScoped;

/** The OpenID Connect caller of the current API request, when it came with an access token. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    /** True when the request came with an accepted access token. */
    public boolean isSet() {
        return caller != null;
    }

    public Caller require() {
        if (caller == null) {
            throw new DomainException("this API needs an OpenID Connect access token");
        }
        return caller;
    }
}
