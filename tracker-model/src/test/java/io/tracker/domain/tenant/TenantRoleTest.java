package io.tracker.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TenantRoleTest {

    @Test
    void viewersOnlyReadReports() {
        assertThat(TenantRole.VIEWER.permissions()).containsExactly(Permission.READ_REPORTS);
    }

    @Test
    void analystsEditSetUpAndImportButDoNotManageAccess() {
        assertThat(TenantRole.ANALYST.permissions())
                .containsExactlyInAnyOrder(Permission.READ_REPORTS, Permission.INGEST, Permission.EDIT_SETUP);
        assertThat(TenantRole.ANALYST.allows(Permission.MANAGE_ACCESS)).isFalse();
    }

    @Test
    void agencyAdminsMayDoEverything() {
        assertThat(TenantRole.AGENCY_ADMIN.permissions()).containsExactlyInAnyOrder(Permission.values());
    }

    @Test
    void permissionsAreACopy() {
        TenantRole.VIEWER.permissions().add(Permission.MANAGE_ACCESS);

        assertThat(TenantRole.VIEWER.allows(Permission.MANAGE_ACCESS)).isFalse();
    }

    @Test
    void membersAreInvitedByNormalisedEmail() {
        TenantMember member = new TenantMember("  Ann.Analyst@Example.COM ", TenantRole.ANALYST);

        assertThat(member.getEmail()).isEqualTo("ann.analyst@example.com");
        assertThat(member.hasJoined()).isFalse();
        assertThatThrownBy(() -> new TenantMember("not-an-address", TenantRole.VIEWER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an e-mail address");
    }

    @Test
    void agencyAdminIsNotAPerClientRole() {
        assertThatThrownBy(() -> new TenantMember("a@b.example", TenantRole.AGENCY_ADMIN))
                .isInstanceOf(IllegalArgumentException.class);
        TenantMember member = new TenantMember("a@b.example", TenantRole.VIEWER);
        assertThatThrownBy(() -> member.changeRole(TenantRole.AGENCY_ADMIN)).isInstanceOf(IllegalArgumentException.class);
        member.changeRole(TenantRole.ANALYST);
        assertThat(member.getRole()).isEqualTo(TenantRole.ANALYST);
    }
}
