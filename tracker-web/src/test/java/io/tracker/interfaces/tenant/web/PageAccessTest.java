package io.tracker.interfaces.tenant.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.domain.tenant.TenantRole;
import org.junit.jupiter.api.Test;

class PageAccessTest {

    private static TenantChoice as(TenantRole role) {
        return new TenantChoice("t", "Shop", "a", "Agency", role);
    }

    @Test
    void eachPageNeedsWhatItsRoleSectionSays() {
        assertThat(PageAccess.of("/dashboard.xhtml")).isEqualTo(PageAccess.READ_REPORTS);
        assertThat(PageAccess.of("/campaigns.xhtml")).isEqualTo(PageAccess.READ_REPORTS);
        assertThat(PageAccess.of("/sites.xhtml")).isEqualTo(PageAccess.READ_REPORTS);
        assertThat(PageAccess.of("/cart-recovery.xhtml")).isEqualTo(PageAccess.READ_REPORTS);
        assertThat(PageAccess.of("/import.xhtml")).isEqualTo(PageAccess.INGEST);
        assertThat(PageAccess.of("/conversion-actions.xhtml")).isEqualTo(PageAccess.EDIT_SETUP);
        assertThat(PageAccess.of("/admin/keys.xhtml")).isEqualTo(PageAccess.MANAGE_ACCESS);
        assertThat(PageAccess.of("/admin/users.xhtml")).isEqualTo(PageAccess.MANAGE_ACCESS);
        assertThat(PageAccess.of("/admin/audit.xhtml")).isEqualTo(PageAccess.MANAGE_ACCESS);
        assertThat(PageAccess.of("/admin/anything-new.xhtml")).isEqualTo(PageAccess.MANAGE_ACCESS);
        assertThat(PageAccess.of("/admin/portfolio.xhtml")).isEqualTo(PageAccess.AGENCY_ADMIN);
        assertThat(PageAccess.of("/admin/clients.xhtml")).isEqualTo(PageAccess.AGENCY_ADMIN);
        assertThat(PageAccess.of("/admin/benchmarks.xhtml")).isEqualTo(PageAccess.AGENCY_ADMIN);
    }

    @Test
    void viewersReadAnalystsAlsoWorkAgencyAdminsAlsoManage() {
        assertThat(PageAccess.READ_REPORTS.allows(as(TenantRole.VIEWER), false)).isTrue();
        assertThat(PageAccess.INGEST.allows(as(TenantRole.VIEWER), false)).isFalse();
        assertThat(PageAccess.EDIT_SETUP.allows(as(TenantRole.VIEWER), false)).isFalse();

        assertThat(PageAccess.INGEST.allows(as(TenantRole.ANALYST), false)).isTrue();
        assertThat(PageAccess.EDIT_SETUP.allows(as(TenantRole.ANALYST), false)).isTrue();
        assertThat(PageAccess.MANAGE_ACCESS.allows(as(TenantRole.ANALYST), false)).isFalse();

        assertThat(PageAccess.MANAGE_ACCESS.allows(as(TenantRole.AGENCY_ADMIN), true)).isTrue();
    }

    @Test
    void agencyPagesFollowTheAgencyNotTheSelectedClient() {
        // An agency admin looking at a client of another agency where they are only a viewer.
        assertThat(PageAccess.AGENCY_ADMIN.allows(as(TenantRole.VIEWER), true)).isTrue();
        assertThat(PageAccess.MANAGE_ACCESS.allows(as(TenantRole.VIEWER), true)).isFalse();
        assertThat(PageAccess.AGENCY_ADMIN.allows(as(TenantRole.ANALYST), false)).isFalse();
    }
}
