package io.tracker.interfaces.tenant.web;

import io.tracker.domain.tenant.ApiKeyScope;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who is signed in to the browser UI in this HTTP session: the tenant that the pasted API key
 * belongs to, the key's id and scopes, and the few tenant settings the pages show (name, time
 * zone, currency), copied as plain values so no JPA entity lives in the session.
 *
 * <p>The tenant id is only ever set here by {@link SignInBacking} after the key was checked;
 * {@link TenantSessionFilter} copies it into {@code CurrentTenant} for every {@code /app} request.
 * Nothing reads a tenant id from a request parameter.
 */
@Named
@SessionScoped
public class SignedInTenant implements Serializable {

    private static final long serialVersionUID = 1L;

    private String tenantId;
    private long keyId;
    private Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
    private String tenantName;
    private ZoneId timeZone;
    private String currencyCode;
    private Instant keyCheckedAt;

    void signIn(String tenantId, long keyId, Set<ApiKeyScope> scopes, String tenantName, ZoneId timeZone,
                String currencyCode, Instant now) {
        this.tenantId = tenantId;
        this.keyId = keyId;
        this.scopes = scopes.isEmpty() ? EnumSet.noneOf(ApiKeyScope.class) : EnumSet.copyOf(scopes);
        this.tenantName = tenantName;
        this.timeZone = timeZone;
        this.currencyCode = currencyCode;
        this.keyCheckedAt = now;
    }

    /** Forgets everything (the session itself is invalidated by the caller). */
    void signOut() {
        tenantId = null;
        keyId = 0;
        scopes = EnumSet.noneOf(ApiKeyScope.class);
        tenantName = null;
        timeZone = null;
        currencyCode = null;
        keyCheckedAt = null;
    }

    public boolean isSignedIn() {
        return tenantId != null;
    }

    public String getTenantId() {
        return tenantId;
    }

    public long getKeyId() {
        return keyId;
    }

    public Set<ApiKeyScope> getScopes() {
        return Collections.unmodifiableSet(scopes);
    }

    public boolean allows(ApiKeyScope scope) {
        return scopes.contains(scope);
    }

    /** Whether the signed-in key may import data (the {@code WRITE} scope). */
    public boolean isMayImport() {
        return allows(ApiKeyScope.WRITE);
    }

    public String getTenantName() {
        return tenantName;
    }

    /** The tenant's reporting time zone: where its reporting days start and end. */
    public ZoneId getTimeZone() {
        return timeZone;
    }

    /** The tenant's reporting currency, ISO 4217 (such as {@code EUR}). */
    public String getCurrencyCode() {
        return currencyCode;
    }

    /** When the key was last found unrevoked. */
    Instant getKeyCheckedAt() {
        return keyCheckedAt;
    }

    void keyChecked(Instant now) {
        this.keyCheckedAt = now;
    }
}
