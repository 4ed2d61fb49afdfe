package io.tracker.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.Keycloak;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.JsonObject;
import java.time.ZoneId;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The Reports by e-mail page ({@code /app/report-emails.xhtml}) as an analyst uses it: a bad address is named, a
 * weekly schedule at 06:00 Berlin time is added and listed as the API shows it, then deleted after confirming. The
 * test stack configures SMTP, so the page has no "not configured" notice.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReportEmailsPageBrowserIT {

    private static final TrackerClient API = new TrackerClient();
    private static final String TABLE = "schedules-form:schedules-table";

    @RegisterExtension
    final Browser browser = Browser.forEachTest("report-emails-last-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(MembershipReset.class);
    }

    @Test
    void anAnalystAddsAWeeklyScheduleAndDeletesIt() {
        TestTenant client = API.createTenant("Report e-mails page client", ZoneId.of("Europe/Berlin"), "EUR");
        MembershipReset.reset(API, DemoUser.ANALYST.email());
        API.invite(client.id(), DemoUser.ANALYST.email(), "ANALYST");
        browser.signIn(DemoUser.ANALYST);
        browser.open("app/report-emails.xhtml");
        assertThat(browser.title()).isEqualTo("Reports by e-mail · Tracker");
        assertThat(browser.navigation()).containsSubsequence("Cart recovery", "Reports by e-mail");
        assertThat(browser.isPresent(By.id("mail-missing"))).isFalse();
        assertThat(browser.text(By.id(TABLE))).contains("No summaries are e-mailed yet.");

        browser.type(By.id("new-form:recipients"), "ceo@client.example\nnot an address");
        browser.clickAjax(By.id("new-form:add"));
        assertThat(browser.messages("messages")).anySatisfy(m -> assertThat(m).startsWith("recipients[1]:"));

        browser.type(By.id("new-form:recipients"), "ceo@client.example, ops@client.example");
        browser.selectMenuItem("new-form:send-hour", "06:00");
        browser.clickAjax(By.id("new-form:add"));
        assertThat(browser.messages("messages")).anySatisfy(m -> assertThat(m).startsWith("Scheduled:"));

        API.addAgencyAdmin(client.agencyId(), Keycloak.AUTOMATION_EMAIL);
        List<JsonObject> listed = API.get("api/v1/report-schedules", Keycloak.automationTokens().accessToken(),
                client.id()).jsonArray().getValuesAs(JsonObject.class);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).getInt("send_hour")).isEqualTo(6);
        assertThat(listed.get(0).getString("frequency")).isEqualTo("weekly");
        List<List<String>> rows = browser.tableRows(TABLE);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).subList(0, 3)).containsExactly("ceo@client.example, ops@client.example",
                "Weekly, Mondays: Monday to Sunday before, at 06:00", "Last touch");
        // next Monday 06:00 in Berlin, CET in winter and CEST in summer
        assertThat(rows.get(0).get(3)).matches("\\d{4}-\\d{2}-\\d{2} 06:00:00 CES?T");
        browser.fullPageScreenshot("80-report-emails");

        browser.clickInRow(TABLE, "ceo@client.example", "button[id$='delete']");
        browser.confirm();
        assertThat(browser.text(By.id(TABLE))).contains("No summaries are e-mailed yet.");
    }
}
