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
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Where an agency admin lands, and the portfolio's figures: with three clients (the alphabetically first
 * one empty) the admin lands on the portfolio with the first client that has data selected; the
 * portfolio shows each figure's change against the 30 days before as this test computes it, the
 * agency median (revenue only over the clients in the most common currency), search and sorting; after
 * opening a client, signing out and in again lands on that client's dashboard.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgencyLandingBrowserIT {

    private static final TrackerClient API = new TrackerClient();
    private static final String ADMIN = DemoUser.AGENCY_ADMIN.email();
    private static final String TABLE = "portfolio-form:portfolio-table";

    @RegisterExtension
    final Browser browser = Browser.forEachTest("landing-last-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(MembershipReset.class);
    }

    @Test
    void agencyAdminLandsOnThePortfolioThenOnTheClientUsedLast() {
        TestTenant busy = API.createTenant("Landing busy", ZoneId.of("UTC"), "EUR");
        // By name before "Landing busy …", and without any data.
        TestTenant empty = API.createTenantInAgency(busy.agencyId(), "Landing aaa empty", "READ,WRITE");
        TestTenant dollars = API.createTenantInAgency(busy.agencyId(), "Landing dollars", ZoneId.of("America/New_York"),
                "USD", "READ,WRITE");
        // The last 30 days: 3 visits, 2 of them buy for 30.00 each. The 30 days before: 2 visits, 1 buys for 40.00.
        String recent = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        String before = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        ApiResponse sent = API.postEvents(busy.apiKey(), batch(
                touch("n-1", "v-1", recent), conversion("n-1-buy", "v-1", recent, "purchase", "30.00", "o-1"),
                touch("n-2", "v-2", recent), conversion("n-2-buy", "v-2", recent, "purchase", "30.00", "o-2"),
                touch("n-3", "v-3", recent),
                touch("b-1", "w-1", before), conversion("b-1-buy", "w-1", before, "purchase", "40.00", "o-3"),
                touch("b-2", "w-2", before)));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        assertThat(sent.json().getInt("accepted")).isEqualTo(8);
        API.awaitAttribution(busy);
        MembershipReset.reset(API, ADMIN);
        API.addAgencyAdmin(busy.agencyId(), ADMIN);

        // ------------------------------------------------------- first sign-in: the portfolio
        browser.signIn(DemoUser.AGENCY_ADMIN);
        browser.waitUntil(d -> d.getCurrentUrl().equals(browser.url("app/admin/portfolio.xhtml")));
        browser.waitForAjax();
        // Not the alphabetically first (empty) client: the first one with data.
        assertThat(browser.selectedTenant()).isEqualTo(busy.name());

        // The test's own arithmetic: conversions 2 against 1, rate 2/3 against 1/2, revenue 60 against 40.
        String conversionsChange = up((2.0 - 1) / 1);
        String rateChange = up((2.0 / 3 - 1.0 / 2) / (1.0 / 2));
        String revenueChange = up((60.0 - 40) / 40);
        assertThat(List.of(conversionsChange, rateChange, revenueChange)).containsExactly("▲ 100.0%", "▲ 33.3%", "▲ 50.0%");
        assertThat(browser.tableRows(TABLE)).containsExactly(
                // No ad cost imported and no industry: cost, ROAS and benchmark "—".
                List.of(empty.name() + "\nUTC · EUR", "—", "0", "0\n—", "0.00%\n—", "€0.00\n—", "—\n—", "—\n—", "—",
                        "Open"),
                List.of(busy.name() + "\nUTC · EUR", "—", "3", "2\n" + conversionsChange, "66.67%\n" + rateChange,
                        "€60.00\n" + revenueChange, "—\n—", "—\n—", "—", "Open"),
                List.of(dollars.name() + "\nAmerica/New_York · USD", "—", "0", "0\n—", "0.00%\n—", "$0.00\n—", "—\n—",
                        "—\n—", "—", "Open"));
        // Medians: conversions of 0, 2, 0; rates 0, 2/3, 0; revenue only over the two EUR clients (0 and 60); no cost.
        assertThat(browser.tableFooter(TABLE)).containsExactly("Agency median", "0.00", "0.00%", "€30.00", "—", "—", "",
                "");
        assertThat(browser.text(By.id("portfolio-median-note")))
                .contains("revenue over the 2 reporting in EUR, the most common currency");
        assertThat(browser.pageText()).contains("each client's days in its own time zone, amounts in its own currency");
        browser.screenshot("40-landing-portfolio");

        // Sorted by revenue, highest first (two clicks on the heading).
        By revenueHeading = By.xpath("//*[@id='portfolio-form:portfolio-table']//th[.//span[text()='Revenue']]");
        browser.clickAjax(revenueHeading);
        browser.clickAjax(revenueHeading);
        browser.waitUntil(d -> browser.tableRows(TABLE).get(0).get(0).startsWith(busy.name()));

        // Searched by name.
        browser.type(By.id("portfolio-form:portfolio-table:globalFilter"), "dollars");
        browser.waitUntil(d -> browser.tableRows(TABLE).size() == 1);
        browser.waitForAjax();
        assertThat(browser.tableRows(TABLE).get(0).get(0)).startsWith(dollars.name());

        // ------------------------------------------------------- open a client, sign out, sign in: that client
        browser.clickInRowAndWaitForPage(TABLE, dollars.name(), ".open-client");
        assertThat(browser.currentUrl()).isEqualTo(browser.url("app/dashboard.xhtml"));
        assertThat(browser.selectedTenant()).isEqualTo(dollars.name());
        browser.signOut();

        browser.signIn(DemoUser.AGENCY_ADMIN);
        browser.waitUntil(d -> d.getCurrentUrl().equals(browser.url("app/dashboard.xhtml")));
        browser.waitForAjax();
        assertThat(browser.selectedTenant()).isEqualTo(dollars.name());
        browser.screenshot("41-landing-last-client");
    }

    /** A rise as the portfolio writes it: an arrow and the percentage with one decimal. */
    private static String up(double fraction) {
        return String.format(Locale.US, "▲ %.1f%%", fraction * 100);
    }
}
