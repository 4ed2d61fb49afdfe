package io.tracker.interfaces.tenant.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.application.tenant.Caller;
import io.tracker.application.tenant.LandingClient;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.tenant.TenantRole;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignedInUserTest {

    private static final TenantChoice SHOP = new TenantChoice("t-shop", "Demo Outdoor Shop", "a-1", "Demo Agency",
            TenantRole.ANALYST);
    private static final TenantChoice ROASTERS = new TenantChoice("t-roast", "Demo Coffee Roasters", "a-1",
            "Demo Agency", TenantRole.VIEWER);
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    private final SignedInUser user = new SignedInUser();

    @Test
    void theFirstTenantIsSelectedAndTheSelectionSurvivesAReload() {
        user.signIn(new Caller("sub-1", "Ann@Demo-Agency.example", true, false), "Ann Analyst");
        user.tenantsLoaded(List.of(ROASTERS, SHOP), false, NOW);
        assertThat(user.getTenantId()).isEqualTo("t-roast");
        assertThat(user.isMayEditSetup()).isFalse();

        assertThat(user.select("t-shop")).isTrue();
        assertThat(user.allows(Permission.EDIT_SETUP)).isTrue();
        assertThat(user.allows(Permission.MANAGE_ACCESS)).isFalse();

        // Read again with another role in the shop: still the shop, with the new role.
        TenantChoice shopAsViewer = new TenantChoice("t-shop", "Demo Outdoor Shop", "a-1", "Demo Agency",
                TenantRole.VIEWER);
        user.tenantsLoaded(List.of(ROASTERS, shopAsViewer), false, NOW.plusSeconds(61));
        assertThat(user.getTenantId()).isEqualTo("t-shop");
        assertThat(user.isMayEditSetup()).isFalse();
        assertThat(user.getTenant().getRoleLabel()).isEqualTo("Viewer");
    }

    @Test
    void onlyTenantsOfTheLoadedListCanBeSelected() {
        user.signIn(new Caller("sub-1", "ann@demo-agency.example", true, false), null);
        user.tenantsLoaded(List.of(SHOP), false, NOW);

        assertThat(user.select("t-of-another-agency")).isFalse();
        assertThat(user.select(null)).isFalse();
        assertThat(user.getTenantId()).isEqualTo("t-shop");
        // Without a name in the token, the e-mail address stands in.
        assertThat(user.getDisplayName()).isEqualTo("ann@demo-agency.example");
    }

    @Test
    void aRemovedMembershipMovesTheSelectionOnOrLeavesNone() {
        user.signIn(new Caller("sub-1", "ann@demo-agency.example", true, false), "Ann Analyst");
        user.tenantsLoaded(List.of(ROASTERS, SHOP), false, NOW);
        user.select("t-shop");

        user.tenantsLoaded(List.of(ROASTERS), false, NOW.plusSeconds(61));
        assertThat(user.getTenantId()).isEqualTo("t-roast");

        user.tenantsLoaded(List.of(), false, NOW.plusSeconds(122));
        assertThat(user.isHasTenant()).isFalse();
        assertThat(user.getTenant()).isNull();
        assertThat(user.isMayImport()).isFalse();
        assertThat(user.isStill("t-roast")).isFalse();
    }

    @Test
    void theListIsReadAgainAfterAMinute() {
        user.signIn(new Caller("sub-1", null, false, false), "Ann Analyst");
        assertThat(user.tenantsStale(NOW)).isTrue();
        user.tenantsLoaded(List.of(SHOP), false, NOW);
        assertThat(user.tenantsStale(NOW.plusSeconds(59))).isFalse();
        assertThat(user.tenantsStale(NOW.plusSeconds(60))).isTrue();
    }

    @Test
    void signingInAsSomeoneElseForgetsTheTenants() {
        user.signIn(new Caller("sub-1", "ann@demo-agency.example", true, false), "Ann Analyst");
        user.tenantsLoaded(List.of(SHOP), true, NOW);
        assertThat(user.isSignedInAs("sub-1")).isTrue();

        user.signIn(new Caller("sub-2", "vic@demo-agency.example", true, false), "Vic Viewer");
        assertThat(user.isSignedInAs("sub-1")).isFalse();
        assertThat(user.getTenants()).isEmpty();
        assertThat(user.isAgencyAdmin()).isFalse();
        assertThat(user.caller().actor()).isEqualTo("vic@demo-agency.example");
        assertThat(user.getInitials()).isEqualTo("VV");
    }

    private static final TenantChoice ALPINE = new TenantChoice("t-alpine", "Alpine Gear", "a-1", "Demo Agency",
            TenantRole.AGENCY_ADMIN);
    private static final TenantChoice BAKERY = new TenantChoice("t-bakery", "Bakery", "a-1", "Demo Agency",
            TenantRole.AGENCY_ADMIN);

    @Test
    void anAgencyAdminOfSeveralClientsLandsOnThePortfolioWithTheFirstClientWithDataSelected() {
        user.signIn(new Caller("sub-2", "ada@demo-agency.example", true, false), "Ada Admin");
        user.tenantsLoaded(List.of(ALPINE, BAKERY), true, NOW, new LandingClient("t-bakery", false));
        assertThat(user.getTenantId()).isEqualTo("t-bakery");
        assertThat(user.isLandsOnPortfolio()).isTrue();
    }

    @Test
    void theClientUsedLastIsWhereAnAgencyAdminLands() {
        user.signIn(new Caller("sub-2", "ada@demo-agency.example", true, false), "Ada Admin");
        user.tenantsLoaded(List.of(ALPINE, BAKERY), true, NOW, new LandingClient("t-bakery", true));
        assertThat(user.getTenantId()).isEqualTo("t-bakery");
        assertThat(user.isLandsOnPortfolio()).isFalse();
    }

    @Test
    void theLandingDecidesOnlyRightAfterSignInAndOnlyAmongTheCallersClients() {
        user.signIn(new Caller("sub-2", "ada@demo-agency.example", true, false), "Ada Admin");
        user.tenantsLoaded(List.of(ALPINE, BAKERY), true, NOW, new LandingClient("t-elsewhere", true));
        assertThat(user.getTenantId()).isEqualTo("t-alpine");
        assertThat(user.isLandsOnPortfolio()).isTrue();
        // A later reload keeps the selection whatever it is told.
        user.tenantsLoaded(List.of(ALPINE, BAKERY), true, NOW.plusSeconds(61), new LandingClient("t-bakery", true));
        assertThat(user.getTenantId()).isEqualTo("t-alpine");
    }

    @Test
    void someoneWithOneClientOrNoAgencyLandsOnTheDashboard() {
        user.signIn(new Caller("sub-2", "ada@demo-agency.example", true, false), "Ada Admin");
        user.tenantsLoaded(List.of(ALPINE), true, NOW, new LandingClient("t-alpine", false));
        assertThat(user.isLandsOnPortfolio()).isFalse();
        user.signIn(new Caller("sub-3", "ann@demo-agency.example", true, false), "Ann Analyst");
        user.tenantsLoaded(List.of(ROASTERS, SHOP), false, NOW, new LandingClient("t-shop", true));
        assertThat(user.getTenantId()).isEqualTo("t-shop");
        assertThat(user.isLandsOnPortfolio()).isFalse();
    }
}
