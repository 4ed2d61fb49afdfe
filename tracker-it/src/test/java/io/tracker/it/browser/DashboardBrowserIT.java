package io.tracker.it.browser;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.conversion;
import static io.tracker.it.support.Events.touch;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.DemoUser;
import io.tracker.it.support.TestTenant;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The browser UI, driven in real Chromium against the real EAR: signing in on Keycloak's real login
 * page (as the realm's demo analyst or viewer, whom each test makes a member of its own tenant only),
 * the dashboard's KPIs and attribution tables under each model, the import page, signing out (which
 * also ends the Keycloak session), and the guard on {@code /app/*}.
 *
 * <p>The tenant lives in {@code America/New_York} (UTC−4 in the test days, after the switch to
 * daylight saving time on 2025-03-09) and reports in USD. Its events, sent through the events
 * API ({@code ch} = the channel Tracker's default grouping gives the touch):
 *
 * <pre>
 *  visitor  UTC time           New York time      event
 *  A        2025-03-10 14:00   03-10 10:00        touch, utm_medium=email             ch Email
 *  A        2025-03-10 16:00   03-10 12:00        touch, gclid                        ch Paid Search
 *  A        2025-03-11 12:00   03-11 08:00        touch, referrer www.google.com      ch Organic Search
 *  A        2025-03-11 12:30   03-11 08:30        purchase 120.00
 *  B        2025-03-11 09:00   03-11 05:00        touch, utm facebook / cpc           ch Paid Social
 *  B        2025-03-11 10:00   03-11 06:00        touch, no signals                   ch Direct
 *  B        2025-03-11 10:05   03-11 06:05        purchase 80.00
 *  C        2025-03-12 15:00   03-12 11:00        purchase 50.00 (no touch)           → Direct
 *  D        2025-03-13 02:00   03-12 22:00        touch, utm_medium=newsletter        ch Email
 *  D        2025-03-13 02:10   03-12 22:10        purchase 30.00
 *  E        2025-03-13 12:00   03-13 08:00        touch, utm_medium=email  (after the range)
 *  E        2025-03-13 12:05   03-13 08:05        purchase 999.00          (after the range)
 *  F        2025-03-09 20:00   03-09 16:00        touch, gclid             (before the range)
 * </pre>
 *
 * The dashboard is set to 2025-03-10 … 2025-03-12 (New York days). In it: touchpoints A×3, B×2,
 * D×1 = 6; conversions A, B, C, D = 4 (D only because days are New York days: in UTC it falls on
 * 03-13); revenue 120 + 80 + 50 + 30 = 280.00; conversion rate = converted visits ÷ visits: the visits
 * a-3, b-2 and d-1 led to a purchase (C's purchase had no visit), 3 / 6 = 50.00%. The credits per
 * model, worked out by hand from the journeys A = [Email, Paid Search, Organic Search] (120),
 * B = [Paid Social, Direct] (80), C = [] (50) and D = [Email] (30), are in the expected tables below.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DashboardBrowserIT extends KnownEventsBrowserTest {

    private static final String FROM = "2025-03-10";
    private static final String TO = "2025-03-12";

    private static TestTenant shop;

    @BeforeAll
    static void tenantWithKnownEvents() {
        shop = API.createTenantWithEvents("Dashboard shop", ZoneId.of("America/New_York"), "USD", batch(
                touch("a-1", "visitor-a", "2025-03-10T14:00:00Z", "utm_source", "newsletter", "utm_medium", "email"),
                touch("a-2", "visitor-a", "2025-03-10T16:00:00Z", "gclid", "gclid-a-2"),
                touch("a-3", "visitor-a", "2025-03-11T12:00:00Z", "referrer", "https://www.google.com/"),
                conversion("a-buy", "visitor-a", "2025-03-11T12:30:00Z", "purchase", "120.00", "order-a"),
                touch("b-1", "visitor-b", "2025-03-11T09:00:00Z", "utm_source", "facebook", "utm_medium", "cpc"),
                touch("b-2", "visitor-b", "2025-03-11T10:00:00Z"),
                conversion("b-buy", "visitor-b", "2025-03-11T10:05:00Z", "purchase", "80.00", "order-b"),
                conversion("c-buy", "visitor-c", "2025-03-12T15:00:00Z", "purchase", "50.00", "order-c"),
                touch("d-1", "visitor-d", "2025-03-13T02:00:00Z", "utm_source", "weekly", "utm_medium", "newsletter"),
                conversion("d-buy", "visitor-d", "2025-03-13T02:10:00Z", "purchase", "30.00", "order-d"),
                touch("e-1", "visitor-e", "2025-03-13T12:00:00Z", "utm_source", "promo", "utm_medium", "email"),
                conversion("e-buy", "visitor-e", "2025-03-13T12:05:00Z", "purchase", "999.00", "order-e"),
                touch("f-1", "visitor-f", "2025-03-09T20:00:00Z", "gclid", "gclid-f-1")));
    }

    @Test
    void signedInPagesSendVisitorsToKeycloaksLoginPage() {
        // "/" (the API module) sends browsers on to the UI's public landing page.
        browser.open("");
        assertThat(browser.currentUrl()).isEqualTo(browser.url(Browser.LANDING_PAGE));
        assertThat(browser.isPresent(By.id("sign-in-button"))).isTrue();
        // The public landing page is stateless: no session for anonymous visitors.
        assertThat(browser.sessionCookie()).isNull();
        browser.screenshot("01-landing");

        // The page's Content-Security-Policy is in force: a script without the page's nonce (as an
        // injected one would be) does not run, and Chromium reports the violation, which is what every
        // browser test checks never happens with Tracker's own scripts.
        assertThat(browser.takeCspViolations()).isEmpty();
        browser.script("var s = document.createElement('script'); s.textContent = 'window.injected = true;';"
                + "document.head.appendChild(s);");
        assertThat(browser.script("return window.injected === true;")).isEqualTo(false);
        assertThat(browser.takeCspViolations()).singleElement().asString().contains("script-src");

        browser.open("app/import.xhtml");
        assertThat(browser.onKeycloakLogin()).as(browser.currentUrl()).isTrue();
        browser.open("app/dashboard.xhtml");
        assertThat(browser.onKeycloakLogin()).as(browser.currentUrl()).isTrue();
        browser.screenshot("02-keycloak-login");
    }

    @Test
    void wrongPasswordIsRefusedByKeycloak() {
        browser.open("app/dashboard.xhtml");
        browser.waitVisible(By.id("kc-login"));
        browser.type(By.id("username"), DemoUser.ANALYST.email());
        browser.type(By.id("password"), "not-the-password");
        browser.click(By.id("kc-login"));
        browser.waitVisible(By.id("input-error-username"));

        assertThat(browser.onKeycloakLogin()).isTrue();
        assertThat(browser.text(By.id("input-error-username"))).contains("Invalid username or password");
        browser.screenshot("02-wrong-password");
    }

    @Test
    void dashboardShowsTheHandComputedFiguresForEachModel() throws IOException {
        onlyMemberOf(DemoUser.ANALYST, shop, "ANALYST");
        browser.open("");
        browser.click(By.id("sign-in-button"));
        browser.signInOnKeycloak(DemoUser.ANALYST);

        assertThat(browser.currentUrl()).isEqualTo(browser.url("app/dashboard.xhtml"));
        assertThat(browser.selectedTenant()).isEqualTo(shop.name());
        assertThat(browser.role()).isEqualTo("Analyst");
        Cookie session = browser.sessionCookie();
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");

        browser.setDates(FROM, TO);
        browser.waitForText(By.id("kpi-touchpoints"), "6");

        assertThat(browser.text(By.id("kpi-touchpoints"))).isEqualTo("6");
        assertThat(browser.text(By.id("kpi-conversions"))).isEqualTo("4");
        // Conversion rate: 4 macro conversions ÷ 6 visits.
        assertThat(browser.text(By.id("kpi-conversion-rate"))).isEqualTo("66.67%");
        assertThat(browser.text(By.id("kpi-revenue"))).isEqualTo("$280.00");
        // The set-up waited for the attribution worker: nothing of this client is waiting.
        assertThat(browser.text(By.id("attribution-status"))).isEqualTo("Attribution up to date");

        // Last touch: A → Organic Search; B → Paid Social (Direct only when nothing else); C → Direct;
        // D → Email. One conversion each: 25% each; ties in name order.
        assertThat(browser.attributionModel()).isEqualTo("Last touch");
        assertThat(browser.tableRows("attribution-table")).containsExactly(
                List.of("Direct", "1", "$50.00", "25.00%"),
                List.of("Email", "1", "$30.00", "25.00%"),
                List.of("Organic Search", "1", "$120.00", "25.00%"),
                List.of("Paid Social", "1", "$80.00", "25.00%"));
        assertThat(browser.tableFooter("attribution-table")).containsExactly("Total", "4", "$280.00", "100.00%");
        assertThat(browser.chartDrawn()).isTrue();
        browser.screenshot("03-dashboard-last-touch");

        // Linear: A gives 1/3 (40.00) to each of its three channels; B 1/2 (40.00) to Paid Social and
        // Direct; C 1 (50.00) to Direct; D 1 (30.00) to Email.
        // Direct 1/2 + 1 = 1.5 (90.00); Email 1/3 + 1 = 1.33 (70.00); Paid Social 0.5 (40.00);
        // Organic Search and Paid Search 1/3 (40.00).
        browser.chooseModel("Linear");
        assertThat(browser.tableRows("attribution-table")).containsExactly(
                List.of("Direct", "1.50", "$90.00", "37.50%"),
                List.of("Email", "1.33", "$70.00", "33.33%"),
                List.of("Paid Social", "0.50", "$40.00", "12.50%"),
                List.of("Organic Search", "0.33", "$40.00", "8.33%"),
                List.of("Paid Search", "0.33", "$40.00", "8.33%"));
        assertThat(browser.tableFooter("attribution-table")).containsExactly("Total", "4", "$280.00", "100.00%");
        browser.screenshot("04-dashboard-linear");

        // Position-based: A 0.4 Email (48.00), 0.2 Paid Search (24.00), 0.4 Organic Search (48.00);
        // B (two touches) 0.5 / 0.5 (40.00 each); C 1 Direct (50.00); D 1 Email (30.00).
        // Direct 1.5 (90.00); Email 1.4 (78.00); Paid Social 0.5 (40.00); Organic Search 0.4 (48.00);
        // Paid Search 0.2 (24.00).
        browser.chooseModel("Position-based");
        assertThat(browser.tableRows("attribution-table")).containsExactly(
                List.of("Direct", "1.50", "$90.00", "37.50%"),
                List.of("Email", "1.40", "$78.00", "35.00%"),
                List.of("Paid Social", "0.50", "$40.00", "12.50%"),
                List.of("Organic Search", "0.40", "$48.00", "10.00%"),
                List.of("Paid Search", "0.20", "$24.00", "5.00%"));

        // First touch: A → Email (120.00); B → Paid Social (80.00); C → Direct (50.00); D → Email (30.00).
        browser.chooseModel("First touch");
        assertThat(browser.tableRows("attribution-table")).containsExactly(
                List.of("Email", "2", "$150.00", "50.00%"),
                List.of("Direct", "1", "$50.00", "25.00%"),
                List.of("Paid Social", "1", "$80.00", "25.00%"));
        assertThat(browser.tableFooter("attribution-table")).containsExactly("Total", "4", "$280.00", "100.00%");

        // Every model side by side, ordered by the selected model (first touch), then by name. Time decay
        // (half-life 168 h): A's touches are 22.5 h, 20.5 h and 0.5 h before its purchase, B's 65 and 5
        // minutes; C and D have one channel each. Markov and Shapley credit nothing before a data-driven run.
        double[] a = normalised(Math.pow(2, -22.5 / 168), Math.pow(2, -20.5 / 168), Math.pow(2, -0.5 / 168));
        double[] b = normalised(Math.pow(2, -65.0 / 60 / 168), Math.pow(2, -5.0 / 60 / 168));
        assertThat(browser.tableHeader("model-comparison")).containsExactly("Channel", "Last touch", "First touch",
                "Linear", "Position-based", "Time decay", "Markov", "Shapley");
        List<List<String>> comparison = browser.tableRows("model-comparison");
        assertThat(comparison.stream().map(row -> row.subList(0, 6)).toList()).containsExactly(
                List.of("Email", "1", "2", "1.33", "1.40", twoDecimals(a[0] + 1)),
                List.of("Direct", "1", "1", "1.50", "1.50", twoDecimals(b[1] + 1)),
                List.of("Paid Social", "1", "1", "0.50", "0.50", twoDecimals(b[0])),
                List.of("Organic Search", "1", "0", "0.33", "0.40", twoDecimals(a[2])),
                List.of("Paid Search", "0", "0", "0.33", "0.20", twoDecimals(a[1])));
        // Markov and Shapley: nothing before the tenant's first data-driven run (the scheduler may run one
        // at any moment), then the 4 conversions shared out (each shown to two decimals).
        for (int column : new int[] {6, 7}) {
            double sum = comparison.stream().mapToDouble(row -> Double.parseDouble(row.get(column))).sum();
            assertThat(sum).as("column %d", column).satisfiesAnyOf(
                    s -> assertThat(s).isZero(), s -> assertThat(s).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.03)));
        }
        // Conversion paths (the card loads once it is seen): the journeys above, one purchase each, by revenue;
        // C's purchase without a touch is Direct, as the models credit it. Every first touch is within 24 hours of
        // its purchase (A's 22.5 h), so all four are in "< 1" day; two paths of one touch, one of two, one of three.
        browser.reveal(By.id("conversion-paths-card"));
        browser.waitVisible(By.id("conversion-paths"));
        assertThat(browser.tableRows("conversion-paths")).containsExactly(
                List.of("Email \u2192 Paid Search \u2192 Organic Search", "3", "1", "$120.00", "25.00%"),
                List.of("Paid Social \u2192 Direct", "2", "1", "$80.00", "25.00%"),
                List.of("Direct", "1", "1", "$50.00", "25.00%"),
                List.of("Email", "1", "1", "$30.00", "25.00%"));
        assertThat(browser.tableRows("time-lag").get(0)).containsExactly("< 1", "4", "100.00%");
        assertThat(browser.tableRows("time-lag").stream().skip(1).map(r -> r.get(1))).containsOnly("0");
        assertThat(browser.tableRows("path-length").subList(0, 4)).containsExactly(List.of("1", "2", "50.00%"),
                List.of("2", "1", "25.00%"), List.of("3", "1", "25.00%"), List.of("4", "0", "0.00%"));
        String csv = Files.readString(browser.download(By.id("paths-export:export-paths-csv")), StandardCharsets.UTF_8);
        assertThat(csv).contains("Email \u2192 Paid Search \u2192 Organic Search").contains("Paid Social \u2192 Direct")
                .contains("$120.00").contains("25.00%");

        // Changing the model leaves the KPIs as they are.
        assertThat(browser.text(By.id("kpi-revenue"))).isEqualTo("$280.00");
        browser.fullPageScreenshot("05-dashboard-first-touch-full");

        // Another period reloads the report, and the paths card with it once it is seen again: on 03-12 (New York)
        // only C's purchase (no touch: Direct) and D's (Email, sent on the 13th in UTC).
        browser.setDates("2025-03-12", "2025-03-12");
        browser.waitForText(By.id("kpi-conversions"), "2");
        browser.reveal(By.id("conversion-paths-card"));
        browser.waitVisible(By.id("conversion-paths"));
        assertThat(browser.tableRows("conversion-paths")).containsExactly(
                List.of("Direct", "1", "1", "$50.00", "50.00%"), List.of("Email", "1", "1", "$30.00", "50.00%"));

        // Signing out ends Tracker's and Keycloak's sessions: the dashboard asks for the password again.
        browser.signOut();
        assertThat(browser.currentUrl()).isEqualTo(browser.url(Browser.LANDING_PAGE));
        browser.open("app/dashboard.xhtml");
        assertThat(browser.onKeycloakLogin()).as(browser.currentUrl()).isTrue();
    }

    @Test
    void importPageImportsAFileAndListsTheBadRows(@TempDir Path dir) throws IOException {
        TestTenant importer = API.createTenant("Import shop", ZoneId.of("America/New_York"), "USD");
        // Rows 2, 3 and 5 are good (3 touchpoints, 1 conversion worth 45.50 on line 3); line 4 has no valid time.
        Path csv = dir.resolve("april-touchpoints.csv");
        Files.writeString(csv, """
                customer_id,time,interaction,conversion,conversion_value,channel
                imp-1,2025-04-01 09:00:00,click,0,0,Affiliates
                imp-1,2025-04-01 10:00:00,click,1,45.50,Video
                imp-2,yesterday,click,0,0,Email
                imp-3,2025-04-01 11:00:00,click,0,0,Display
                """, StandardCharsets.UTF_8);

        onlyMemberOf(DemoUser.ANALYST, importer, "ANALYST");
        browser.signIn(DemoUser.ANALYST);
        assertThat(browser.navigation()).contains("Import");
        browser.open("app/import.xhtml");
        browser.upload(csv);

        assertThat(browser.text(By.id("import-rows"))).isEqualTo("4");
        assertThat(browser.text(By.id("import-touchpoints"))).isEqualTo("3");
        assertThat(browser.text(By.id("import-conversions"))).isEqualTo("1");
        assertThat(browser.text(By.id("import-duplicates"))).isEqualTo("0");
        assertThat(browser.text(By.id("import-error-count"))).isEqualTo("1");
        List<List<String>> errors = browser.tableRows("errors-form:import-errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get(0)).isEqualTo("4");
        assertThat(errors.get(0).get(1)).contains("yesterday");
        browser.screenshot("06-import-result");

        // The same file again stores nothing new: its 4 events (3 touchpoints, 1 conversion) are duplicates.
        browser.upload(csv);
        assertThat(browser.text(By.id("import-rows"))).isEqualTo("4");
        assertThat(browser.text(By.id("import-touchpoints"))).isEqualTo("0");
        assertThat(browser.text(By.id("import-conversions"))).isEqualTo("0");
        assertThat(browser.text(By.id("import-duplicates"))).isEqualTo("4");
        API.awaitAttribution(importer);

        // The dashboard shows the imported day: one conversion after Affiliates then Video (last touch Video).
        browser.open("app/dashboard.xhtml");
        browser.setDates("2025-04-01", "2025-04-01");
        browser.waitForText(By.id("kpi-touchpoints"), "3");
        assertThat(browser.text(By.id("kpi-conversions"))).isEqualTo("1");
        assertThat(browser.text(By.id("kpi-conversion-rate"))).isEqualTo("33.33%");
        assertThat(browser.text(By.id("kpi-revenue"))).isEqualTo("$45.50");
        assertThat(browser.tableRows("attribution-table")).containsExactly(
                List.of("Video", "1", "$45.50", "100.00%"));
    }

    @Test
    void channelNamesFromEventsAreShownAsTextAndNeverRun() {
        TestTenant tenant = API.createTenant("Markup shop", ZoneId.of("UTC"), "EUR");
        String channel = "</script><img src=x onerror=alert(1)> & Co";
        ApiResponse r = API.postEvents(tenant.apiKey(), batch(
                touch("x-1", "visitor-x", "2025-05-05T10:00:00Z", "channel", channel),
                conversion("x-buy", "visitor-x", "2025-05-05T10:05:00Z", "purchase", "10.00", "order-x")));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        API.awaitAttribution(tenant);

        onlyMemberOf(DemoUser.VIEWER, tenant, "VIEWER");
        browser.signIn(DemoUser.VIEWER);
        browser.setDates("2025-05-05", "2025-05-05");
        browser.waitForText(By.id("kpi-conversions"), "1");

        assertThat(browser.tableRows("attribution-table")).containsExactly(
                List.of(channel, "1", "€10.00", "100.00%"));
        // The same name went into the chart's inline script (as JSON) without ending it.
        assertThat(browser.chartDrawn()).isTrue();
        assertThat(browser.alertShown()).isFalse();
    }

    @Test
    void viewerOpensTheDashboardButNotTheImport() {
        TestTenant reader = API.createTenant("Read-only shop", ZoneId.of("UTC"), "EUR");
        onlyMemberOf(DemoUser.VIEWER, reader, "VIEWER");

        browser.signIn(DemoUser.VIEWER);
        assertThat(browser.currentUrl()).isEqualTo(browser.url("app/dashboard.xhtml"));
        assertThat(browser.role()).isEqualTo("Viewer");
        // A new tenant: a set-up checklist, not zeros, waiting live for the first event.
        assertThat(browser.isPresent(By.id("kpi-touchpoints"))).isFalse();
        assertThat(browser.text(By.id("onboarding-status"))).isEqualTo("Waiting for your first event…");
        assertThat(browser.tableRows("onboarding-actions")).containsExactly(List.of("Purchase (purchase)", "macro", "never"));
        browser.screenshot("06-onboarding");
        LocalDate todayUtc = LocalDate.now(ZoneId.of("UTC"));
        ApiResponse sent = API.postEvents(reader.apiKey(), batch(touch("first", "visitor-first",
                java.time.Instant.now().minusSeconds(60).toString())));
        assertThat(sent.status()).as("%s", sent).isEqualTo(202);
        // The checklist polls; the first event turns the page into the dashboard.
        browser.waitUntil(d -> !d.findElements(By.id("kpi-touchpoints")).isEmpty()
                && "1".equals(d.findElement(By.id("kpi-touchpoints")).getText().trim()));
        assertThat(browser.isPresent(By.id("onboarding"))).isFalse();
        assertThat(browser.value(By.id("filters:to_input"))).isEqualTo(todayUtc.toString());
        assertThat(browser.text(By.id("kpi-revenue"))).isEqualTo("€0.00");
        assertThat(browser.tableRows("attribution-table")).containsExactly(List.of("No conversions in this period."));
        assertThat(browser.navigation()).containsExactly("Dashboard", "Campaigns", "Sites", "Links", "Calls", "Destinations", "Cart recovery", "Reports by e-mail", "Tag health", "Path analysis", "Data accuracy");

        // The calendar opens from its button (not when the field is clicked) and picking a day sets the
        // date: it shows the month of the current start date, whose first day is picked here.
        LocalDate from = LocalDate.parse(browser.value(By.id("filters:from_input")));
        browser.pickDayFromCalendar("filters:from", 1);
        assertThat(browser.value(By.id("filters:from_input"))).isEqualTo(from.withDayOfMonth(1).toString());

        assertThat(browser.status("app/import.xhtml")).isEqualTo(403);
        browser.open("app/import.xhtml");
        assertThat(browser.text(By.id("error-403"))).contains("Not allowed");
        assertThat(browser.isPresent(By.id("import-form"))).isFalse();
        browser.screenshot("07-import-refused-to-viewer");
    }

    @Test
    void signOutFromAnotherOriginIsRefusedWhileTheButtonWorks() {
        TestTenant tenant = API.createTenant("Sign-out shop", ZoneId.of("UTC"), "EUR");
        onlyMemberOf(DemoUser.VIEWER, tenant, "VIEWER");
        browser.signIn(DemoUser.VIEWER);
        Cookie session = browser.sessionCookie();

        // A page of another origin on the same host posts to /app/sign-out; the Lax cookie goes along (same
        // site), so only the origin check stands between it and the person's session.
        browser.postFromAnotherOrigin("app/sign-out");
        assertThat(browser.text(By.id("error-403"))).contains("Not allowed");
        browser.open("app/dashboard.xhtml");
        assertThat(browser.onKeycloakLogin()).as(browser.currentUrl()).isFalse();
        assertThat(browser.role()).isEqualTo("Viewer");
        assertThat(browser.sessionCookie().getValue()).isEqualTo(session.getValue());

        // The page's own button signs out.
        browser.signOut();
        browser.open("app/dashboard.xhtml");
        assertThat(browser.onKeycloakLogin()).as(browser.currentUrl()).isTrue();
    }

    /**
     * The view lives in the address: typed dates and a model survive a reload; a preset sets its days; the
     * comparison with the previous period (2025-03-07 … 03-09: F's one visit, no conversion) gives +500.0% visits
     * (▲) and no ratio for conversions. Drilling down under linear: Email → its campaigns (only touches without a
     * campaign: A's 1/3 and D's 1 = 1.33) → their conversions, newest first (D's purchase at 22:10 New York time on
     * 03-12 with 100% of its credit, A's at 08:30 on 03-11 with a third) → A's journey: its three touches and the
     * purchase, each model's split. Exports: the XLSX of the table holds what the table shows; the PDF summary is a
     * PDF.
     */
    @Test
    void theViewIsInTheAddressAndDrillsDownToOneJourney() throws IOException {
        onlyMemberOf(DemoUser.ANALYST, shop, "ANALYST");
        browser.signIn(DemoUser.ANALYST);
        browser.setDates(FROM, TO);
        browser.waitForText(By.id("kpi-touchpoints"), "6");
        browser.chooseModel("Linear");
        assertThat(browser.currentUrl()).isEqualTo(browser.url("app/dashboard.xhtml?range=custom&from=" + FROM
                + "&to=" + TO + "&compare=previous_period&model=linear&dimension=channel&interval=day"));
        assertThat(browser.text(By.id("filters:range_label"))).isEqualTo("Custom");

        // Reloading (or opening a shared address) shows the same view.
        browser.open(browser.currentUrl().substring(browser.url("").length()));
        assertThat(browser.text(By.id("kpi-touchpoints"))).isEqualTo("6");
        assertThat(browser.attributionModel()).isEqualTo("Linear");
        assertThat(browser.value(By.id("filters:from_input"))).isEqualTo(FROM);
        assertThat(browser.value(By.id("filters:to_input"))).isEqualTo(TO);
        assertThat(browser.text(By.id("kpi-touchpoints-change"))).isEqualTo("\u25b2 500.0%");
        assertThat(browser.text(By.id("kpi-conversions-change"))).isEqualTo("—");
        assertThat(browser.chartDrawn("trend-chart")).isTrue();

        // The XLSX export holds the table as shown.
        List<List<String>> shown = browser.tableRows("attribution-table");
        Path xlsx = browser.download(By.id("export:export-xlsx"));
        assertThat(xlsx.getFileName().toString()).isEqualTo("attribution-linear-" + FROM + "-" + TO + ".xlsx");
        // Names as text; conversions and revenue as numbers (PrimeFaces' exporter writes figures as numeric cells).
        String sheet = XlsxText.of(xlsx);
        java.util.Set<BigDecimal> numbers = java.util.Arrays.stream(sheet.split("\\|")).filter(v -> v.matches("-?[0-9.]+"))
                .map(v -> new BigDecimal(v).stripTrailingZeros()).collect(java.util.stream.Collectors.toSet());
        for (List<String> row : shown) {
            assertThat(sheet).contains("|" + row.get(0) + "|");
            assertThat(numbers).contains(new BigDecimal(row.get(1)).stripTrailingZeros(),
                    new BigDecimal(row.get(2).replace("$", "").replace(",", "")).stripTrailingZeros());
        }
        Path pdf = browser.download(By.id("pdf:export-pdf"));
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));

        // Drill down: a channel, its campaigns, their conversions, one journey.
        browser.clickInRow("attribution-table", "Email", "a.drill-link");
        browser.waitForText(By.id("drill-channel"), "Email");
        assertThat(browser.tableRows("attribution-table")).containsExactly(
                List.of("(no campaign)", "1.33", "$70.00", "100.00%"));
        assertThat(browser.currentUrl()).contains("&channel=Email");
        browser.clickInRow("attribution-table", "(no campaign)", "a.drill-link");
        browser.waitForText(By.id("drill-campaign"), "(no campaign)");
        assertThat(browser.tableRows("conversion-list")).containsExactly(
                List.of("2025-03-12 22:10:00 EDT", "Purchase", "$30.00", "100.00%", "$30.00"),
                List.of("2025-03-11 08:30:00 EDT", "Purchase", "$120.00", "33.33%", "$40.00"));
        browser.screenshot("08-dashboard-drill-down");
        browser.clickInRowAndWaitForPage("conversion-list", "2025-03-11", "a.journey-link");
        assertThat(browser.text(By.id("journey-conversion"))).contains("purchase", "2025-03-11 08:30:00 EDT", "$120.00");
        List<String> steps = browser.texts(By.cssSelector("#journey-timeline li .journey-channel"));
        assertThat(steps).containsExactly("Email", "Paid Search", "Organic Search", "Conversion: purchase");
        // Model, channel, credit and revenue of each credit row: linear a third each, last touch the last click.
        assertThat(browser.tableRows("journey-credits").stream()
                .map(r -> List.of(r.get(0), r.get(1), r.get(4), r.get(5))).toList()).contains(
                List.of("linear", "Email", "33.33%", "$40.00"),
                List.of("linear", "Paid Search", "33.33%", "$40.00"),
                List.of("linear", "Organic Search", "33.33%", "$40.00"),
                List.of("last_touch", "Organic Search", "100.00%", "$120.00"));
        browser.screenshot("09-journey");

        // Back to the same view of the dashboard.
        browser.clickAndWaitForPage(By.id("journey-back"));
        assertThat(browser.attributionModel()).isEqualTo("Linear");
        assertThat(browser.text(By.id("drill-campaign"))).isEqualTo("(no campaign)");

        // A preset: the last 7 days of New York, kept as a preset in the address.
        browser.open("app/dashboard.xhtml");
        browser.selectMenuItem("filters:range", "Last 7 days");
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        browser.waitUntil(d -> today.minusDays(6).toString().equals(browser.value(By.id("filters:from_input"))));
        assertThat(browser.value(By.id("filters:to_input"))).isEqualTo(today.toString());
        assertThat(browser.currentUrl()).contains("range=last_7_days").doesNotContain("from=");
        assertThat(browser.takeCspViolations()).isEmpty();
    }

    /** The person's only membership is the role in this tenant, so it is the one selected at sign-in. */
    private static void onlyMemberOf(DemoUser user, TestTenant tenant, String role) {
        MembershipReset.reset(API, user.email());
        API.invite(tenant.id(), user.email(), role);
    }

    private static double[] normalised(double... weights) {
        double sum = java.util.Arrays.stream(weights).sum();
        return java.util.Arrays.stream(weights).map(w -> w / sum).toArray();
    }

    /** As the dashboard writes decimals (en-US, two places, half-even as Formats does). */
    private static String twoDecimals(double value) {
        return new java.math.BigDecimal(value).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
