package io.tracker.it.browser;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.conversion;
import static io.tracker.it.support.Events.touch;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * An agency admin's day in the UI, signed in on Keycloak's login page as the realm's demo agency
 * admin, whom the fixture makes admin of one fresh test agency only: creating a client tenant,
 * inviting a user there and changing their role, creating an API key (its secret shown once) and
 * revoking it — each then in the client's audit log with the admin as actor — and the revoked key
 * refused by the API at once. The portfolio lists exactly the agency's clients with their KPIs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgencyAdminBrowserIT {

    private static final TrackerClient API = new TrackerClient();
    private static final String ADMIN = DemoUser.AGENCY_ADMIN.email();

    @RegisterExtension
    final Browser browser = Browser.forEachTest("admin-last-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(MembershipReset.class);
    }



    @Test
    void agencyAdminCreatesAClientInvitesAUserAndCreatesAndRevokesAKey() {
        // The agency's first client, with traffic of the last hours: 3 touchpoints, 1 purchase of 49.90.
        TestTenant seed = API.createTenant("Agency seed", ZoneId.of("UTC"), "EUR");
        String t = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        ApiResponse sent = API.postEvents(seed.apiKey(), batch(
                touch("p-1", "visitor-p", t, "gclid", "g-1"),
                touch("p-2", "visitor-p", t, "utm_source", "news", "utm_medium", "email"),
                conversion("p-buy", "visitor-p", t, "purchase", "49.90", "order-p"),
                touch("q-1", "visitor-q", t)));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        API.awaitAttribution(seed);
        MembershipReset.reset(API, ADMIN);
        API.addAgencyAdmin(seed.agencyId(), ADMIN);

        browser.signIn(DemoUser.AGENCY_ADMIN);
        assertThat(browser.selectedTenant()).isEqualTo(seed.name());

        // ---------------------------------------------------------------- a new client
        String client = "Alpine Outdoor " + UUID.randomUUID().toString().substring(0, 8);
        browser.open("app/admin/clients.xhtml");
        assertThat(browser.isPresent(By.id("client-form:client-agency"))).isFalse();
        browser.click(By.id("new-client-button"));
        browser.waitVisible(By.id("new-client-dialog"));
        browser.type(By.id("client-form:client-name"), client);
        WebElement domains = browser.waitUntil(d -> d.findElement(By.id("client-form:client-domains_input")));
        domains.sendKeys("alpine.example", Keys.ENTER);
        domains.sendKeys("shop.alpine.example", Keys.ENTER);
        browser.selectMenuItem("client-form:client-zone", "Europe/Vienna");
        browser.selectMenuItem("client-form:client-currency", "CHF · Swiss Franc");
        browser.chooseSuggestion("client-form:client-industry", "outdoor", "Sports and outdoor");
        browser.screenshot("20-admin-new-client");
        browser.clickAjax(By.id("client-form:create-client"));
        browser.waitHidden(By.id("new-client-dialog"));

        assertThat(browser.messages("messages")).containsExactly(
                "Created the client " + client + ". Open it to invite its users and create API keys.");
        WebElement row = browser.row("clients-form:clients-table", client);
        String clientId = row.findElement(By.cssSelector("[data-tenant-id]")).getAttribute("data-tenant-id");
        LocalDate viennaToday = LocalDate.now(ZoneId.of("Europe/Vienna"));
        // By name: "Agency seed …" before "Alpine Outdoor …".
        assertThat(browser.tableRows("clients-form:clients-table")).containsExactly(
                List.of(seed.name(), "—", "—", "UTC", "EUR", LocalDate.now(ZoneId.of("UTC")).toString(),
                        "Open\nEdit or archive"),
                List.of(client, "alpine.example, shop.alpine.example", "Sports and outdoor", "Europe/Vienna", "CHF",
                        viennaToday.toString(), "Open\nEdit or archive"));
        JsonObject stored = API.tenantState(clientId).getJsonArray("tenant").getJsonObject(0);
        assertThat(stored.getString("name")).isEqualTo(client);
        assertThat(stored.getString("agency_id")).isEqualTo(seed.agencyId());
        assertThat(stored.getString("website_domains")).isEqualTo("alpine.example,shop.alpine.example");
        assertThat(stored.getString("time_zone")).isEqualTo("Europe/Vienna");
        assertThat(stored.getString("currency")).isEqualTo("CHF");
        assertThat(stored.getString("industry")).isEqualTo("Sports and outdoor");
        browser.screenshot("21-admin-clients");

        // Open it: the switcher now lists both clients and shows the new one.
        browser.clickInRowAndWaitForPage("clients-form:clients-table", client, ".open-client");
        assertThat(browser.currentUrl()).isEqualTo(browser.url("app/dashboard.xhtml"));
        assertThat(browser.selectedTenant()).isEqualTo(client);
        assertThat(browser.role()).isEqualTo("Agency admin");
        assertThat(browser.tenantChoices()).containsExactly(seed.name() + " · Agency admin", client + " · Agency admin");

        // ---------------------------------------------------------------- a user
        String invitee = "new.analyst+" + UUID.randomUUID().toString().substring(0, 6) + "@client.example";
        browser.open("app/admin/users.xhtml");
        browser.type(By.id("invite-form:invite-email"), invitee);
        browser.click(By.cssSelector("label[for='invite-form:invite-role:1']"));
        browser.clickAjax(By.id("invite-form:invite-button"));
        assertThat(browser.messages("messages")).containsExactly(
                "Invited " + invitee + " as viewer. They get access when they sign in with that address.");
        assertThat(members()).containsExactly(List.of(invitee, "Viewer", "Invited " + viennaToday));
        // Make them an analyst instead.
        String roleMenu = browser.row("members-form:members-table", invitee)
                .findElement(By.cssSelector(".member-role")).getAttribute("id");
        browser.selectMenuItem(roleMenu, "Analyst");
        assertThat(browser.messages("messages")).containsExactly(invitee + " is now analyst.");
        assertThat(members()).containsExactly(List.of(invitee, "Analyst", "Invited " + viennaToday));
        browser.screenshot("22-admin-users");

        // ---------------------------------------------------------------- an API key
        browser.open("app/admin/keys.xhtml");
        browser.click(By.id("new-key-button"));
        browser.waitVisible(By.id("new-key-dialog"));
        browser.type(By.id("new-key-form:key-name"), "Shop backend");
        // Read only: untick "write".
        browser.click(By.cssSelector("label[for='new-key-form:key-scopes:0']"));
        browser.clickAjax(By.id("new-key-form:create-key"));
        browser.waitVisible(By.id("secret-dialog"));
        String secret = browser.text(By.id("key-secret"));
        assertThat(secret).startsWith("trk_").hasSize(47);
        browser.screenshot("23-admin-key-secret");
        // "Copy" (a script file, as the page's Content-Security-Policy allows) copies the key or, where
        // the browser refuses the clipboard, selects it.
        browser.click(By.id("copy-secret"));
        browser.waitUntil(d -> List.of("Copied", "Selected: press Ctrl+C")
                .contains(d.findElement(By.cssSelector("#copy-secret span")).getText().trim()));
        browser.clickAjax(By.id("secret-form:secret-done"));
        browser.waitHidden(By.id("secret-dialog"));
        // The secret is gone from the page once its dialog is closed.
        assertThat(browser.pageText()).doesNotContain(secret);
        String prefix = secret.substring(0, 8);
        assertThat(browser.tableRows("keys-form:keys-table")).containsExactly(
                List.of("Shop backend", prefix + "…", "read", browser.tableRows("keys-form:keys-table").get(0).get(3),
                        "Never", "Active", "Revoke"));

        // The key works for reports of the new client (and only reads).
        ApiResponse report = API.get("api/v1/reports/summary", secret);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.json().getString("currency")).isEqualTo("CHF");
        ApiResponse write = API.postEvents(secret, batch(touch("k-1", "visitor-k", t)));
        assertThat(write.status()).as(write.toString()).isEqualTo(403);
        browser.open("app/admin/keys.xhtml");
        assertThat(browser.tableRows("keys-form:keys-table").get(0).get(4)).isNotEqualTo("Never");

        // Revoke it, after confirming.
        browser.click(By.cssSelector(".revoke-key"));
        browser.confirm();
        assertThat(browser.messages("messages")).containsExactly("The key Shop backend (" + prefix
                + "…) is revoked. Requests with it are refused from now on.");
        List<String> revoked = browser.tableRows("keys-form:keys-table").get(0);
        assertThat(revoked.get(5)).isEqualTo("Revoked " + viennaToday);
        assertThat(revoked.get(6)).isEmpty();
        browser.screenshot("24-admin-key-revoked");
        // Refused at once.
        ApiResponse refused = API.get("api/v1/reports/summary", secret);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);

        // ---------------------------------------------------------------- the audit log
        browser.open("app/admin/audit.xhtml");
        List<List<String>> audit = browser.tableRows("audit-form:audit-table");
        assertThat(audit).extracting(r -> r.subList(1, 5)).containsExactly(
                List.of(ADMIN, "API key revoked", "Shop backend (" + prefix + "…)", ""),
                List.of(ADMIN, "API key created", "Shop backend (" + prefix + "…)", "scopes [read]"),
                List.of(ADMIN, "Role changed", invitee, "viewer → analyst"),
                List.of(ADMIN, "User invited", invitee, "role viewer"),
                List.of(ADMIN, "Client created", client, "time zone Europe/Vienna, currency CHF"),
                List.of(ADMIN, "Conversion action created", "purchase", "macro, counting every, default value 0"));
        // Times in the client's zone (Vienna: CET or CEST), newest first.
        assertThat(audit).allSatisfy(r -> assertThat(r.get(0))
                .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} CES?T"));
        assertThat(audit.get(0).get(0)).startsWith(viennaToday.toString());
        browser.fullPageScreenshot("25-admin-audit-log");

        // ---------------------------------------------------------------- the portfolio
        browser.open("app/admin/portfolio.xhtml");
        assertThat(browser.tableRows("portfolio-form:portfolio-table")).containsExactly(
                // Each figure with its change against the 30 days before, when nothing happened: "—".
                // No ad cost imported: cost and ROAS "—"; an industry without figures of its own compares with
                // the general e-commerce rate (V22's seed).
                List.of(seed.name() + "\nUTC · EUR", "—", "3", "1\n—", "33.33%\n—", "€49.90\n—", "—\n—", "—\n—", "—",
                        "Open"),
                List.of(client + "\nEurope/Vienna · CHF", "Sports and outdoor", "0", "0\n—", "0.00%\n—", "CHF0.00\n—",
                        "—\n—", "—\n—", "2.60%\nAll e-commerce, US 2021", "Open"));
        assertThat(browser.text(By.id("portfolio-clients"))).isEqualTo("2");
        assertThat(browser.text(By.id("portfolio-touchpoints"))).isEqualTo("3");
        assertThat(browser.text(By.id("portfolio-conversions"))).isEqualTo("1");
        assertThat(browser.text(By.id("portfolio-rate"))).isEqualTo("33.33%");
        browser.screenshot("26-admin-portfolio");
    }

    /** The members table: e-mail, the role its menu shows, status; one list per member. */
    private List<List<String>> members() {
        return browser.waitUntil(d -> d.findElements(By.cssSelector(Browser.css("members-form:members-table")
                + " tbody tr"))).stream()
                .map(r -> List.of(r.findElement(By.cssSelector("[data-email]")).getText().trim(),
                        r.findElement(By.cssSelector(".member-role .ui-selectonemenu-label")).getText().trim(),
                        r.findElement(By.cssSelector(".status")).getText().trim()))
                .toList();
    }
}
