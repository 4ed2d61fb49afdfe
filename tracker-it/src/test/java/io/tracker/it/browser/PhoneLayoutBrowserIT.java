package io.tracker.it.browser;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.conversion;
import static io.tracker.it.support.Events.touch;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The signed-in pages on a phone (390 × 844 CSS pixels, Chromium's device emulation): no page is wider
 * than the screen, sign-out is inside the screen and clickable, the navigation is one row (at most 64 px
 * high) that is neither sticky nor fixed, and a wide table scrolls sideways inside its card with the
 * "scroll sideways" hint. Screenshots of each page on the phone and on a 1366 × 900 desktop are kept
 * ({@code target/screenshots/phone-*.png}, {@code desktop-*.png}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PhoneLayoutBrowserIT {

    private static final TrackerClient API = new TrackerClient();

    /** Dashboard, portfolio and two more pages; the clients page has the widest table. */
    private static final List<String> PAGES = List.of("app/dashboard.xhtml", "app/admin/portfolio.xhtml",
            "app/campaigns.xhtml", "app/admin/clients.xhtml");

    @RegisterExtension
    final Browser browser = Browser.forEachTest("phone-last-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(MembershipReset.class);
    }

    @Test
    void onAPhoneEveryPageFitsTheScreenAndSignOutStaysReachable() {
        // Long names, as agencies have them, in a header that must wrap.
        TestTenant shop = API.createTenant("Phone Alpine Outdoor Equipment and Apparel", ZoneId.of("Europe/Vienna"), "EUR");
        API.createTenantInAgency(shop.agencyId(), "Phone Bergsport Vertriebs GmbH", "READ,WRITE");
        String t = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        API.postEvents(shop.apiKey(), batch(touch("ph-1", "visitor-ph", t, "gclid", "g-ph"),
                conversion("ph-buy", "visitor-ph", t, "purchase", "1234567.89", "order-ph")));
        API.awaitAttribution(shop);
        MembershipReset.reset(API, DemoUser.AGENCY_ADMIN.email());
        API.addAgencyAdmin(shop.agencyId(), DemoUser.AGENCY_ADMIN.email());

        browser.emulateViewport(390, 844, true);
        browser.signIn(DemoUser.AGENCY_ADMIN);

        for (String page : PAGES) {
            browser.open(page);
            browser.waitForAjax();
            String name = page.substring(page.lastIndexOf('/') + 1).replace(".xhtml", "");
            // A phone widens its viewport to content that does not fit (then innerWidth is above 390).
            assertThat(number("return window.innerWidth;"))
                    .as(() -> page + ": viewport width; too wide: " + tooWide()).isEqualTo(390);
            assertThat(number("return document.documentElement.scrollWidth;"))
                    .as(() -> page + ": page width; too wide: " + tooWide()).isLessThanOrEqualTo(391);

            Map<?, ?> signOut = rect("#sign-out");
            assertThat(((Number) signOut.get("left")).doubleValue()).as("%s: sign-out left", page).isGreaterThanOrEqualTo(0);
            assertThat(((Number) signOut.get("top")).doubleValue()).as("%s: sign-out top", page).isGreaterThanOrEqualTo(0);
            assertThat(((Number) signOut.get("right")).doubleValue()).as("%s: sign-out right", page).isLessThanOrEqualTo(390);
            assertThat(((Number) signOut.get("bottom")).doubleValue()).as("%s: sign-out bottom", page).isLessThanOrEqualTo(844);
            // Nothing lies over it: the element at its centre is the button or inside it.
            assertThat(browser.script("var b = document.getElementById('sign-out').getBoundingClientRect();"
                    + "var e = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);"
                    + "return e !== null && document.getElementById('sign-out').contains(e);"))
                    .as("%s: sign-out clickable", page).isEqualTo(true);

            assertThat(((Number) rect("nav.nav").get("height")).doubleValue()).as("%s: navigation height", page)
                    .isLessThanOrEqualTo(64);
            assertThat(browser.script("var positions = [];"
                    + "for (var e = document.querySelector('nav.nav'); e; e = e.parentElement) {"
                    + "  positions.push(getComputedStyle(e).position); }"
                    + "return positions.filter(function (p) { return p === 'sticky' || p === 'fixed'; }).length;"))
                    .as("%s: the navigation and what holds it are neither sticky nor fixed", page).isEqualTo(0L);

            browser.screenshot("phone-" + name);
        }

        // The clients table (seven columns) is wider than the phone: it scrolls inside its card, with the hint.
        browser.open("app/admin/clients.xhtml");
        browser.waitForAjax();
        String wrapper = Browser.css("clients-form:clients-table") + " .ui-datatable-tablewrapper";
        assertThat(browser.script("var w = document.querySelector(arguments[0]);"
                + "return [w.scrollWidth > w.clientWidth, getComputedStyle(w).overflowX];", wrapper))
                .isEqualTo(List.of(true, "auto"));
        browser.waitUntil(d -> browser.script("return document.getElementById('clients-form:clients-table')"
                + ".classList.contains('table-overflows');").equals(true));
        assertThat(browser.script("return getComputedStyle(document.getElementById('clients-form:clients-table'),"
                + " '::before').content;")).asString().contains("Scroll sideways");
        assertThat(number("var w = document.querySelector(arguments[0]); w.scrollLeft = 120; return w.scrollLeft;",
                wrapper)).isGreaterThan(0);
        assertThat(number("return document.documentElement.scrollWidth;")).isLessThanOrEqualTo(391);
        browser.screenshot("phone-clients-scrolled");

        // The same pages on a desktop, for the record.
        browser.emulateViewport(1366, 900, false);
        for (String page : PAGES) {
            browser.open(page);
            browser.waitForAjax();
            assertThat(number("return document.documentElement.scrollWidth;")).as(page).isLessThanOrEqualTo(1367);
            browser.screenshot("desktop-" + page.substring(page.lastIndexOf('/') + 1).replace(".xhtml", ""));
        }

        // Last: signing out on the phone works.
        browser.emulateViewport(390, 844, true);
        browser.open("app/dashboard.xhtml");
        browser.waitForAjax();
        browser.signOut();
        assertThat(browser.currentUrl()).isEqualTo(browser.url(Browser.LANDING_PAGE));
        assertThat(browser.status("app/dashboard.xhtml")).isEqualTo(302);
    }

    /**
     * The outermost elements that reach beyond 390 px (their parent does not), as "tag#id.class: right edge",
     * to say in a failure what to fix.
     */
    private Object tooWide() {
        // Measured without the phone's widening viewport, where blocks stay 390 px wide and only the culprits stick out.
        browser.emulateViewport(390, 844, false);
        try {
            return tooWideNow();
        } finally {
            browser.emulateViewport(390, 844, true);
        }
    }

    private Object tooWideNow() {
        return browser.script("var out = [];"
                + "document.querySelectorAll('body *').forEach(function (e) {"
                + "  var r = e.getBoundingClientRect(); var p = e.parentElement.getBoundingClientRect();"
                + "  if (r.width > 0 && r.right > 391 && p.right <= 391) {"
                + "    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className + ': ' + Math.round(r.right)); }"
                + "});"
                + "return out.slice(0, 10);");
    }

    private long number(String script, Object... args) {
        return ((Number) browser.script(script, args)).longValue();
    }

    private Map<?, ?> rect(String css) {
        return (Map<?, ?>) browser.script("var r = document.querySelector(arguments[0]).getBoundingClientRect();"
                + "return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, height: r.height};", css);
    }
}
