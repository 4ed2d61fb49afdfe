package io.tracker.interfaces.tenant.web;

import io.tracker.application.tenant.ApiKeyService;
import io.tracker.domain.shared.DomainException;
import io.tracker.domain.tenant.ApiKey;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.primefaces.PrimeFaces;

/**
 * Backs {@code /app/admin/keys.xhtml} (agency admins): the selected client's API keys with their
 * prefix, scopes, creation, last use and revocation; creating a key, whose secret is shown once in
 * a dialog and never again (only its hash is stored); revoking one after a confirmation, which
 * the API honours at once. All through {@link ApiKeyService}, which checks the
 * {@code MANAGE_ACCESS} permission and writes the audit log.
 */
@Named
@ViewScoped
public class ApiKeysBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ApiKeyService apiKeys;

    @Inject
    private SignedInUser user;

    private String tenantId;
    private List<KeyRow> keys = List.of();

    private String name;
    private List<String> scopes = new ArrayList<>(List.of("READ", "WRITE"));
    /** The new key's secret, between its creation and the closing of the dialog that shows it. */
    private String createdSecret;
    private String createdName;

    @PostConstruct
    public void init() {
        tenantId = user.getTenantId();
        load();
    }

    private void load() {
        keys = apiKeys.list().stream().map(KeyRow::new).toList();
    }

    /** Creates the key and opens the dialog with its secret. */
    public void create() {
        if (!user.confirmStill(tenantId)) {
            return;
        }
        Set<ApiKeyScope> chosen = scopes.stream().map(s -> ApiKeyScope.valueOf(s.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ApiKeyScope.class)));
        if (name == null || name.isBlank()) {
            Messages.error("Give the key a name, such as the system that will use it.");
            return;
        }
        if (chosen.isEmpty()) {
            Messages.error("Choose at least one scope.");
            return;
        }
        try {
            ApiKeyService.CreatedKey created = apiKeys.create(name.trim(), chosen);
            createdSecret = created.secret().value();
            createdName = created.key().getName();
            name = null;
            scopes = new ArrayList<>(List.of("READ", "WRITE"));
            load();
            PrimeFaces.current().executeScript("PF('newKeyDialog').hide(); PF('secretDialog').show();");
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
    }

    /** Forgets the secret once its dialog is closed: it is never shown again. */
    public void forgetSecret() {
        createdSecret = null;
        createdName = null;
    }

    public void revoke(long keyId) {
        if (!user.confirmStill(tenantId)) {
            return;
        }
        try {
            ApiKey key = apiKeys.revoke(keyId);
            Messages.info("The key " + key.getName() + " (" + key.getKeyPrefix() + "…) is revoked. Requests with it "
                    + "are refused from now on.");
            load();
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
    }


    public List<KeyRow> getKeys() {
        return keys;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** The chosen scopes ({@code READ}, {@code WRITE}). */
    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes == null ? new ArrayList<>() : new ArrayList<>(scopes);
    }

    public String getCreatedSecret() {
        return createdSecret;
    }

    public String getCreatedName() {
        return createdName;
    }

    /** One key as the table shows it (never its secret, which is not stored). */
    public static final class KeyRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private final long id;
        private final String name;
        private final String prefix;
        private final String scopes;
        private final Instant createdAt;
        private final Instant lastUsedAt;
        private final Instant revokedAt;

        KeyRow(ApiKey key) {
            this.id = key.getId();
            this.name = key.getName();
            this.prefix = key.getKeyPrefix();
            this.scopes = key.getScopes().stream().map(s -> s.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            this.createdAt = key.getCreatedAt();
            this.lastUsedAt = key.getLastUsedAt();
            this.revokedAt = key.getRevokedAt();
        }

        public long getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getPrefix() {
            return prefix;
        }

        /** Lower-case, comma-separated: "read, write". */
        public String getScopes() {
            return scopes;
        }

        public Instant getCreatedAt() {
            return createdAt;
        }

        public Instant getLastUsedAt() {
            return lastUsedAt;
        }

        public Instant getRevokedAt() {
            return revokedAt;
        }

        public boolean isRevoked() {
            return revokedAt != null;
        }
    }
}
