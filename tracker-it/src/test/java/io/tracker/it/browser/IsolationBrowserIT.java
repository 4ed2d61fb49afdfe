package io.tracker.it.browser;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.conversion;
import static io.tracker.it.support.Events.touch;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.KeycloakLogin;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Tenant isolation in the browser UI: a person of tenant A who puts tenant B's ids into view
 * parameters and URLs, or posts a forged tenant selection, sees nothing of B and changes nothing of
 * B (B's rows, read in SQL by the fixture, are the same before and after); an agency admin sees only
 * the clients of their own agency.
 *
 * <p>A and B belong to different agencies. B has traffic (a purchase of 777.00) and a campaign,
 * created through the API by the demo agency admin as admin of B's agency.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IsolationBrowserIT {

    private static final TrackerClient API = new TrackerClient();
    private static final String B_CAMPAIGN = "b-only-campaign";

    private static TestTenant a;
    private static TestTenant b;
    private static long bCampaignId;

    @RegisterExtension
    final Browser browser = Browser.forEachTest("isolation-last-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(MembershipReset.class);
    }

    @BeforeAll
    static void twoTenantsOfTwoAgencies() {
        a = API.createTenant("Isolation A", ZoneId.of("UTC"), "EUR");
        b = API.createTenant("Isolation B", ZoneId.of("UTC"), "EUR");
        MembershipReset.reset(API, DemoUser.AGENCY_ADMIN.email());
        API.addAgencyAdmin(b.agencyId(), DemoUser.AGENCY_ADMIN.email());
        ApiResponse created = API.postJson("api/v1/campaigns", KeycloakLogin.accessToken(DemoUser.AGENCY_ADMIN), b.id(),
                Json.createObjectBuilder().add("name", B_CAMPAIGN).add("channel", "Email").build().toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        bCampaignId = created.json().getJsonNumber("id").longValue();
        String t = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        ApiResponse sent = API.postEvents(b.apiKey(), batch(touch("b-1", "visitor-b", t, "gclid", "g"),
                conversion("b-buy", "visitor-b", t, "purchase", "777.00", "order-b")));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        API.awaitAttribution(b);
        // A has a visit and no sale: its dashboard (not the set-up checklist) shows €0.00 of revenue.
        ApiResponse visit = API.postEvents(a.apiKey(), batch(touch("a-1", "visitor-a", t)));
        assertThat(visit.status()).as(visit.toString()).isEqualTo(202);
        API.awaitAttribution(a);
    }



    @Test
    void analystOfAGetsNothingOfBThroughIdsInUrlsOrAForgedSelection() {
        MembershipReset.reset(API, DemoUser.ANALYST.email());
        API.invite(a.id(), DemoUser.ANALYST.email(), "ANALYST");
        JsonObject before = API.tenantState(b.id());

        browser.signIn(DemoUser.ANALYST);
        assertThat(browser.tenantChoices()).containsExactly(a.name() + " · Analyst");

        // B's campaign id in the campaigns page's view parameter: "no such campaign" in A.
        browser.open("app/campaigns.xhtml?campaign=" + bCampaignId);
        assertThat(browser.messages("messages")).containsExactly("This client has no campaign " + bCampaignId + ".");
        assertThat(browser.isPresent(By.cssSelector("#campaign-dialog.ui-overlay-visible"))).isFalse();
        assertThat(browser.pageText()).doesNotContain(B_CAMPAIGN).doesNotContain(b.name());
        browser.screenshot("30-isolation-foreign-campaign-id");

        // B's tenant id in URLs: ignored; the pages show A (no revenue), never B's 777.00.
        for (String page : List.of("app/dashboard.xhtml?tenant=", "app/campaigns.xhtml?tenant=",
                "app/dashboard.xhtml?tenantId=", "app/dashboard.xhtml?X-Tracker-Tenant=")) {
            browser.open(page + b.id());
            assertThat(browser.selectedTenant()).as(page).isEqualTo(a.name());
            assertThat(browser.pageText()).as(page).doesNotContain(b.name()).doesNotContain("777.00");
        }
        browser.open("app/dashboard.xhtml?tenant=" + b.id());
        assertThat(browser.text(By.id("kpi-revenue"))).isEqualTo("€0.00");
        assertThat(browser.status("app/admin/keys.xhtml?tenant=" + b.id())).isEqualTo(403);

        // A forged tenant selection: the switcher's own form posted with B's id instead of A's.
        String response = forgedSwitch(b.id());
        assertThat(response).contains("<partial-response").doesNotContain("<redirect").doesNotContain(b.name())
                .doesNotContain("CSP nonce mismatch");
        browser.open("app/dashboard.xhtml");
        assertThat(browser.selectedTenant()).isEqualTo(a.name());
        assertThat(browser.tenantChoices()).containsExactly(a.name() + " · Analyst");
        assertThat(browser.text(By.id("kpi-revenue"))).isEqualTo("€0.00");

        // The same forgery through the page itself: an option for B slipped into the switcher's list.
        browser.script("var s = document.getElementById('tenant-form:tenant-switch_input');"
                + "s.add(new Option('Isolation B', arguments[0]));"
                + "s.value = arguments[0];"
                + "PrimeFaces.ab({s: 'tenant-form:tenant-switch', e: 'change', p: 'tenant-form:tenant-switch',"
                + " u: 'tenant-form:tenant-messages'});", b.id());
        browser.waitForAjax();
        browser.open("app/campaigns.xhtml");
        assertThat(browser.selectedTenant()).isEqualTo(a.name());
        assertThat(browser.pageText()).doesNotContain(B_CAMPAIGN);

        assertThat(API.tenantState(b.id())).isEqualTo(before);
    }

    @Test
    void agencyAdminSeesOnlyTheClientsOfTheirOwnAgency() {
        MembershipReset.reset(API, DemoUser.AGENCY_ADMIN.email());
        API.addAgencyAdmin(a.agencyId(), DemoUser.AGENCY_ADMIN.email());
        JsonObject before = API.tenantState(b.id());

        browser.signIn(DemoUser.AGENCY_ADMIN);
        assertThat(browser.tenantChoices()).containsExactly(a.name() + " · Agency admin");
        browser.open("app/admin/clients.xhtml");
        assertThat(browser.tableRows("clients-form:clients-table")).extracting(r -> r.get(0)).containsExactly(a.name());
        browser.open("app/admin/portfolio.xhtml");
        assertThat(browser.tableRows("portfolio-form:portfolio-table")).extracting(r -> r.get(0))
                .containsExactly(a.name() + "\nUTC · EUR");
        browser.open("app/admin/keys.xhtml?tenant=" + b.id());
        assertThat(browser.pageText()).contains(a.name()).doesNotContain(b.name());
        browser.open("app/admin/audit.xhtml?tenant=" + b.id());
        assertThat(browser.pageText()).doesNotContain(B_CAMPAIGN);

        String response = forgedSwitch(b.id());
        assertThat(response).doesNotContain("<redirect").doesNotContain(b.name()).doesNotContain("CSP nonce mismatch");
        browser.open("app/admin/users.xhtml");
        assertThat(browser.selectedTenant()).isEqualTo(a.name());

        assertThat(API.tenantState(b.id())).isEqualTo(before);
    }

    @Test
    void aPageOpenedForOneClientChangesNothingAfterASwitchInAnotherTab() {
        TestTenant first = API.createTenant("Tabs one", ZoneId.of("UTC"), "EUR");
        TestTenant second = API.createTenant("Tabs two", ZoneId.of("UTC"), "EUR");
        MembershipReset.reset(API, DemoUser.ANALYST.email());
        API.invite(first.id(), DemoUser.ANALYST.email(), "ANALYST");
        API.invite(second.id(), DemoUser.ANALYST.email(), "ANALYST");

        browser.signIn(DemoUser.ANALYST);
        assertThat(browser.selectedTenant()).isEqualTo(first.name());
        // Taken after the sign-in, which binds the invitations to the analyst's Keycloak subject.
        JsonObject secondBefore = API.tenantState(second.id());
        browser.open("app/campaigns.xhtml");
        browser.clickAjax(By.id("new-campaign-button"));
        browser.waitVisible(By.id("campaign-dialog"));
        browser.type(By.id("campaign-form:campaign-name"), "meant-for-the-first");

        // Meanwhile, in another tab of the same session, the analyst switches to the second client.
        String firstTab = browser.openSecondTab();
        browser.open("app/dashboard.xhtml");
        browser.switchTenant(second.name());
        browser.switchToTab(firstTab);

        // The first tab's form still says the first client: saving is refused, nothing lands in the second.
        browser.clickAjax(By.id("campaign-form:save-campaign"));
        assertThat(browser.messages("campaign-form:campaign-messages")).containsExactly(
                "You switched to another client in another window. Reload this page first.");
        assertThat(API.tenantState(second.id())).isEqualTo(secondBefore);
        assertThat(API.tenantState(first.id()).getJsonArray("campaign")).isEmpty();
    }

    /**
     * Posts the tenant switcher's form of the open page as PrimeFaces' ajax would, with the session's
     * cookie, the page's view state and script nonce, but with this tenant id as the chosen value;
     * returns the response body.
     */
    private String forgedSwitch(String tenantId) {
        browser.open("app/dashboard.xhtml");
        return (String) browser.asyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "var form = new FormData(document.getElementById('tenant-form'));"
                        + "form.set('tenant-form:tenant-switch_input', arguments[0]);"
                        + "form.set('jakarta.faces.partial.ajax', 'true');"
                        + "form.set('jakarta.faces.source', 'tenant-form:tenant-switch');"
                        + "form.set('jakarta.faces.partial.execute', 'tenant-form:tenant-switch');"
                        + "form.set('jakarta.faces.partial.render', 'tenant-form:tenant-messages');"
                        + "form.set('jakarta.faces.behavior.event', 'change');"
                        + "form.set('jakarta.faces.partial.event', 'change');"
                        // The page's script nonce, as PrimeFaces' own ajax sends it (a script in the page
                        // could read it too): without it the server refuses the post before the tenant
                        // check that this forgery is about.
                        + "form.set('primefaces.nonce', PrimeFaces.csp.NONCE_VALUE);"
                        + "fetch(document.getElementById('tenant-form').action, {method: 'POST', credentials: 'same-origin',"
                        + " headers: {'Faces-Request': 'partial/ajax'}, body: new URLSearchParams(form)})"
                        + ".then(function (r) { return r.text(); }).then(done, function (e) { done('failed: ' + e); });",
                tenantId);
    }
}
