package io.tracker.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.JsonObject;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * What each role sees and may open, signed in on Keycloak's real login page as the realm's demo
 * users, each made a member of fresh test tenants only (their other memberships are reset first):
 * the navigation hides what the role cannot do, and a page opened by URL anyway answers 403 with
 * the "Not allowed" page. The analyst's tenant switcher lists exactly their two clients with the
 * role in each, and switching changes what is shown.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RolesBrowserIT {

    private static final TrackerClient API = new TrackerClient();

    /** The agency admins' pages, for the refusal checks. */
    private static final List<String> ADMIN_PAGES = List.of("app/admin/users.xhtml", "app/admin/keys.xhtml",
            "app/admin/audit.xhtml", "app/admin/portfolio.xhtml", "app/admin/clients.xhtml");

    @RegisterExtension
    final Browser browser = Browser.forEachTest("roles-last-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(MembershipReset.class);
    }



    @Test
    void viewerSeesTheDashboardAndReadsCampaignsButIsRefusedEverythingElse() {
        TestTenant shop = API.createTenant("Viewer shop", ZoneId.of("Europe/Berlin"), "EUR");
        MembershipReset.reset(API, DemoUser.VIEWER.email());
        API.invite(shop.id(), DemoUser.VIEWER.email(), "VIEWER");

        browser.signIn(DemoUser.VIEWER);
        assertThat(browser.currentUrl()).isEqualTo(browser.url("app/dashboard.xhtml"));
        assertThat(browser.selectedTenant()).isEqualTo(shop.name());
        assertThat(browser.role()).isEqualTo("Viewer");
        assertThat(browser.text(By.id("user-email"))).isEqualTo(DemoUser.VIEWER.email());
        assertThat(browser.navigation()).containsExactly("Dashboard", "Campaigns", "Sites", "Links", "Calls", "Destinations", "Cart recovery", "Reports by e-mail", "Tag health", "Path analysis", "Data accuracy");
        assertThat(browser.tenantChoices()).containsExactly(shop.name() + " · Viewer");
        browser.screenshot("10-viewer-dashboard");

        browser.open("app/campaigns.xhtml");
        assertThat(browser.text(By.id("read-only-note"))).contains("You can read the campaigns");
        assertThat(browser.isPresent(By.id("new-campaign-button"))).isFalse();
        assertThat(browser.isPresent(By.cssSelector(".edit-campaign, .delete-campaign"))).isFalse();

        for (String page : concat(List.of("app/import.xhtml", "app/conversion-actions.xhtml"), ADMIN_PAGES)) {
            assertThat(browser.status(page)).as(page).isEqualTo(403);
        }
        browser.open("app/admin/keys.xhtml");
        assertThat(browser.title()).isEqualTo("Not allowed · Tracker");
        assertThat(browser.text(By.id("error-403"))).contains("Your role in this client does not include this page");
        assertThat(browser.isPresent(By.id("keys-form"))).isFalse();
        browser.screenshot("11-viewer-refused-api-keys");
    }

    @Test
    void analystWorksOnTheSetUpOfOneClientAndOnlyReadsTheOther() {
        TestTenant a = API.createTenant("Analyst A", ZoneId.of("UTC"), "EUR");
        TestTenant b = API.createTenant("Analyst B", ZoneId.of("America/New_York"), "USD");
        MembershipReset.reset(API, DemoUser.ANALYST.email());
        API.invite(a.id(), DemoUser.ANALYST.email(), "ANALYST");
        API.invite(b.id(), DemoUser.ANALYST.email(), "VIEWER");

        browser.signIn(DemoUser.ANALYST);
        // Tenants by name: "Analyst A …" before "Analyst B …"; the first is selected.
        assertThat(browser.tenantChoices()).containsExactly(a.name() + " · Analyst", b.name() + " · Viewer");
        assertThat(browser.selectedTenant()).isEqualTo(a.name());
        assertThat(browser.role()).isEqualTo("Analyst");
        assertThat(browser.navigation()).containsExactly("Dashboard", "Campaigns", "Sites", "Links", "Calls", "Destinations", "Cart recovery", "Reports by e-mail", "Tag health", "Conversion actions", "Import", "Offline sales", "Path analysis", "Data accuracy");
        for (String page : ADMIN_PAGES) {
            assertThat(browser.status(page)).as(page).isEqualTo(403);
        }
        assertThat(browser.status("app/import.xhtml")).isEqualTo(200);
        assertThat(browser.status("app/conversion-actions.xhtml")).isEqualTo(200);

        // An analyst creates a campaign and a conversion action of A.
        String campaign = "spring-sale-" + UUID.randomUUID().toString().substring(0, 6);
        browser.open("app/campaigns.xhtml");
        browser.clickAjax(By.id("new-campaign-button"));
        browser.waitVisible(By.id("campaign-dialog"));
        browser.type(By.id("campaign-form:campaign-name"), campaign);
        browser.chooseSuggestion("campaign-form:campaign-channel", "paid so", "Paid Social");
        browser.type(By.id("campaign-form:utm-source"), "facebook");
        browser.type(By.id("campaign-form:utm-medium"), "cpc");
        browser.clickAjax(By.id("campaign-form:save-campaign"));
        browser.waitHidden(By.id("campaign-dialog"));
        assertThat(browser.messages("messages")).containsExactly("Created the campaign " + campaign + ".");
        assertThat(browser.tableRows("campaigns-form:campaigns-table").get(0))
                .startsWith(campaign, "Paid Social", "facebook", "cpc", "—");
        // Change its tags: the name stays (events refer to it).
        browser.clickInRow("campaigns-form:campaigns-table", campaign, ".edit-campaign");
        browser.waitVisible(By.id("campaign-dialog"));
        assertThat(browser.isEnabled(By.id("campaign-form:campaign-name"))).isFalse();
        browser.type(By.id("campaign-form:utm-campaign"), "spring_sale");
        browser.clickAjax(By.id("campaign-form:save-campaign"));
        browser.waitHidden(By.id("campaign-dialog"));
        assertThat(browser.messages("messages")).containsExactly("Saved the campaign " + campaign + ".");
        assertThat(browser.tableRows("campaigns-form:campaigns-table").get(0))
                .startsWith(campaign, "Paid Social", "facebook", "cpc", "spring_sale");
        browser.screenshot("12-analyst-campaigns");

        browser.open("app/conversion-actions.xhtml");
        browser.click(By.id("new-action-button"));
        browser.waitVisible(By.id("action-dialog"));
        browser.type(By.id("action-form:action-key"), "newsletter_signup");
        browser.type(By.id("action-form:action-name"), "Newsletter sign-up");
        browser.click(By.xpath("//div[@id='action-form:action-category']//div[normalize-space(.)='Micro']"));
        browser.clickAjax(By.id("action-form:create-action"));
        browser.waitHidden(By.id("action-dialog"));
        assertThat(browser.tableRows("actions-form:actions-table")).containsExactly(
                List.of("newsletter_signup", "Newsletter sign-up", "Micro", "Every conversion", "€0.00",
                        "Event newsletter_signup", "from event", "30 d / 1 d", "Active", "Edit\nPause\nDelete"),
                List.of("purchase", "Purchase", "Macro", "Every conversion", "€0.00", "Event purchase", "from event",
                        "30 d / 1 d", "Active", "Edit\nPause\nDelete"));

        // What the API now holds for A, read with the analyst's rights (independent of the page).
        JsonObject stored = API.tenantState(a.id());
        assertThat(stored.getJsonArray("campaign").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("name")).containsExactly(campaign);
        assertThat(stored.getJsonArray("conversion_action").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("action_key")).containsExactlyInAnyOrder("purchase", "newsletter_signup");

        // In B the analyst is a viewer: switching on the import page, which B's role lacks, shows B's
        // dashboard; the set-up pages disappear from the navigation and are refused.
        browser.open("app/import.xhtml");
        browser.switchTenant(b.name());
        assertThat(browser.currentUrl()).isEqualTo(browser.url("app/dashboard.xhtml"));
        assertThat(browser.role()).isEqualTo("Viewer");
        assertThat(browser.navigation()).containsExactly("Dashboard", "Campaigns", "Sites", "Links", "Calls", "Destinations", "Cart recovery", "Reports by e-mail", "Tag health", "Path analysis", "Data accuracy");
        browser.open("app/campaigns.xhtml");
        assertThat(browser.isPresent(By.id("read-only-note"))).isTrue();
        assertThat(browser.isPresent(By.id("new-campaign-button"))).isFalse();
        assertThat(browser.tableRows("campaigns-form:campaigns-table")).containsExactly(
                List.of("No campaigns registered yet. Their traffic is reported by name even before."));
        assertThat(browser.status("app/conversion-actions.xhtml")).isEqualTo(403);
        assertThat(browser.status("app/import.xhtml")).isEqualTo(403);
        browser.screenshot("13-analyst-as-viewer-of-b");

        // And back to A, on the same page: the analyst's controls return, with A's campaign.
        browser.switchTenant(a.name());
        assertThat(browser.currentUrl()).isEqualTo(browser.url("app/campaigns.xhtml"));
        assertThat(browser.role()).isEqualTo("Analyst");
        assertThat(browser.navigation()).contains("Conversion actions", "Import", "Offline sales", "Path analysis", "Data accuracy");
        assertThat(browser.isPresent(By.id("new-campaign-button"))).isTrue();
        assertThat(browser.tableRows("campaigns-form:campaigns-table").get(0).get(0)).isEqualTo(campaign);

        // Delete it, after confirming; the audit trail of A names the analyst for each change.
        browser.clickInRow("campaigns-form:campaigns-table", campaign, ".delete-campaign");
        browser.confirm();
        assertThat(browser.messages("messages")).containsExactly(
                "Deleted the campaign " + campaign + ". Its traffic stays in the reports under its name.");
        assertThat(browser.tableRows("campaigns-form:campaigns-table")).containsExactly(
                List.of("No campaigns registered yet. Their traffic is reported by name even before."));
        JsonObject after = API.tenantState(a.id());
        assertThat(after.getJsonArray("campaign")).isEmpty();
        assertThat(after.getJsonArray("audit_entry").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("actor").equals(DemoUser.ANALYST.email()))
                .map(e -> e.getString("action") + " " + e.getString("target")).sorted().toList())
                .containsExactly("campaign.changed " + campaign, "campaign.created " + campaign,
                        "campaign.deleted " + campaign, "conversion-action.created newsletter_signup");
    }

    @Test
    void agencyAdminSeesTheClientAndAgencyPages() {
        TestTenant client = API.createTenant("Admin nav", ZoneId.of("UTC"), "EUR");
        MembershipReset.reset(API, DemoUser.AGENCY_ADMIN.email());
        API.addAgencyAdmin(client.agencyId(), DemoUser.AGENCY_ADMIN.email());

        browser.signIn(DemoUser.AGENCY_ADMIN);
        assertThat(browser.selectedTenant()).isEqualTo(client.name());
        assertThat(browser.role()).isEqualTo("Agency admin");
        assertThat(browser.navigation()).containsExactly("Dashboard", "Campaigns", "Sites", "Links", "Calls", "Destinations", "Cart recovery", "Reports by e-mail", "Tag health", "Conversion actions", "Import", "Offline sales", "Path analysis", "Data accuracy",
                "Users", "API keys", "Audit log", "Portfolio", "Clients");
        for (String page : concat(List.of("app/import.xhtml", "app/conversion-actions.xhtml"), ADMIN_PAGES)) {
            assertThat(browser.status(page)).as(page).isEqualTo(200);
        }
    }

    @Test
    void platformAdminIsAgencyAdminOfEveryAgency() {
        TestTenant first = API.createTenant("Platform one", ZoneId.of("UTC"), "EUR");
        TestTenant second = API.createTenant("Platform two", ZoneId.of("Asia/Tokyo"), "JPY");
        // No membership at all: the realm role platform-admin is enough.
        MembershipReset.reset(API, DemoUser.PLATFORM_ADMIN.email());

        browser.signIn(DemoUser.PLATFORM_ADMIN);
        assertThat(browser.text(By.id("user-email"))).isEqualTo(DemoUser.PLATFORM_ADMIN.email() + " · platform admin");
        assertThat(browser.role()).isEqualTo("Agency admin");
        assertThat(browser.navigation()).contains("Users", "API keys", "Audit log", "Portfolio", "Clients");
        // Clients of two different agencies, both as agency admin.
        assertThat(first.agencyId()).isNotEqualTo(second.agencyId());
        assertThat(browser.tenantChoices()).contains(first.name() + " · Agency admin", second.name() + " · Agency admin");

        browser.open("app/admin/portfolio.xhtml");
        List<List<String>> rows = browser.tableRows("portfolio-form:portfolio-table");
        assertThat(rows).anySatisfy(r -> assertThat(r.get(0)).startsWith(first.name()));
        assertThat(rows).anySatisfy(r -> assertThat(r.get(0)).startsWith(second.name()));
        // A new client of the second agency shows the yen without decimals.
        assertThat(rows.stream().filter(r -> r.get(0).startsWith(second.name())).findFirst().orElseThrow())
                .containsExactly(second.name() + "\nAsia/Tokyo · JPY", "—", "0", "0\n—", "0.00%\n—", "¥0\n—", "—\n—",
                        "—\n—", "—", "Open");

        // Creating a client asks which of the many agencies it belongs to.
        browser.open("app/admin/clients.xhtml");
        browser.click(By.id("new-client-button"));
        browser.waitVisible(By.id("new-client-dialog"));
        assertThat(browser.isPresent(By.id("client-form:client-agency"))).isTrue();
        browser.screenshot("14-platform-admin-new-client");
    }

    @Test
    void personWithoutAnyClientSeesHowToGetAccess() {
        MembershipReset.reset(API, DemoUser.VIEWER.email());

        browser.signIn(DemoUser.VIEWER);
        assertThat(browser.currentUrl()).isEqualTo(browser.url("app/no-access.xhtml"));
        assertThat(browser.text(By.id("no-access"))).contains("No access yet",
                "Ask your agency admin to invite " + DemoUser.VIEWER.email());
        assertThat(browser.navigation()).isEmpty();
        assertThat(browser.status("app/dashboard.xhtml")).isEqualTo(302);
        browser.screenshot("15-no-access");

        // Once invited, the next page load shows the client.
        TestTenant shop = API.createTenant("Late invite", ZoneId.of("UTC"), "EUR");
        API.invite(shop.id(), DemoUser.VIEWER.email(), "VIEWER");
        browser.open("app/dashboard.xhtml");
        assertThat(browser.selectedTenant()).isEqualTo(shop.name());

        browser.signOut();
        browser.open("app/");
        assertThat(browser.onKeycloakLogin()).isTrue();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
