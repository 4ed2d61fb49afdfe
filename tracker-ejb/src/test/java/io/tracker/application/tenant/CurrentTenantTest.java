package io.tracker.application.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.domain.shared.ForbiddenException;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.tenant.TenantRole;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CurrentTenantTest {

    @Test
    void nothingIsAllowedBeforeAGrant() {
        CurrentTenant current = new CurrentTenant();
        assertThat(current.get()).isEmpty();
        assertThat(current.origin()).isEqualTo(CurrentTenant.Origin.NONE);
        assertThatThrownBy(() -> current.requireAny(Permission.READ_REPORTS)).isInstanceOf(CurrentTenant.NoTenantException.class);
    }

    @Test
    void aViewerMayReadButNotManageAccess() {
        CurrentTenant current = new CurrentTenant();
        current.act(new CurrentTenant.Grant("t1", TenantRole.VIEWER.permissions(), "v@x.example", CurrentTenant.Origin.MEMBER));
        current.requireAny(Permission.READ_REPORTS);
        current.requireAny(Permission.INGEST, Permission.READ_REPORTS);
        assertThatThrownBy(() -> current.requireAny(Permission.MANAGE_ACCESS, Permission.EDIT_SETUP))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("your role in this client does not allow managing users, roles and API keys or "
                        + "changing campaigns, conversion actions or tracking numbers");
    }

    @Test
    void aKeyWithoutScopesMayDoNothing() {
        AuthenticatedKey key = new AuthenticatedKey("t1", 1, EnumSet.noneOf(ApiKeyScope.class), "trk_ab");
        assertThat(key.permissions()).isEmpty();
        CurrentTenant current = new CurrentTenant();
        current.act(new CurrentTenant.Grant("t1", key.permissions(), key.actor(), CurrentTenant.Origin.API_KEY));
        for (Permission p : Permission.values()) {
            assertThat(current.allows(p)).as("%s", p).isFalse();
        }
    }

    @Test
    void storedScopesParseExactlyAndEmptyMeansNone() {
        assertThat(TenantSelection.scopes("READ,WRITE")).isEqualTo(Set.of(ApiKeyScope.READ, ApiKeyScope.WRITE));
        assertThat(TenantSelection.scopes("WRITE")).containsExactly(ApiKeyScope.WRITE);
        assertThat(TenantSelection.scopes("")).isEmpty();
    }
}
