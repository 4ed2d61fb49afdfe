package io.tracker.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.browser.DemoShop.Variant;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The tag's number swapping (call tracking, README "Call tracking: number swapping") in headless Chromium on the
 * demo shop's {@code contact} page, without Tracker's server: the shop stands in for {@code /api/v1/dni/number}
 * ({@link DemoShop#answerNumbers}) and records what the tag asks. Runs with surefire. The end-to-end version with
 * the real server and the call webhook is {@code CallTrackingBrowserIT}.
 */
class NumberSwapBrowserTest {

    private static final DemoShop SHOP = DemoShop.start(DemoShop.tagSource());
    private static final String ANSWER = "{\"numbers\":[{\"swap_target\":\"+18005550100\",\"number\":\"+18005550199\","
            + "\"display\":\"(800) 555-0199\",\"kind\":\"pool\",\"hold_seconds\":1800}]}";

    @RegisterExtension
    final Browser browser = new Browser(SHOP.base(), "number-swap-");

    @BeforeEach
    void forgetEarlierRequests() {
        SHOP.clear();
    }

    @AfterAll
    static void stopShop() {
        SHOP.close();
    }

    @Test
    void asksWithTheVisitAndSwapsEveryFormatLinkAndLaterContentButNoFormField() {
        SHOP.answerNumbers(ANSWER);
        String landing = SHOP.url(Variant.SHOP, "contact", "gclid=G18");
        browser.open(SHOP.searchPageLinkingTo(landing));
        browser.clickAndWaitForPage(By.id("result"));

        browser.waitForText(By.id("phone-paren"), "Call us: (800) 555-0199");
        assertThat(browser.text(By.id("phone-dots"))).isEqualTo("800.555.0199");
        assertThat(browser.text(By.id("phone-intl"))).isEqualTo("+1 800 555 0199 (24/7)");
        assertThat(href("call-now")).isEqualTo("tel:+18005550199");
        assertThat(browser.value(By.id("note"))).isEqualTo("800-555-0100");
        browser.click(By.id("show-hours"));
        browser.waitForText(By.id("hours-phone"), "Mon-Fri 9-17: 1-800-555-0199");
        // The page changes a text node itself (characterData) back to the business number.
        browser.script("document.getElementById('phone-dots').firstChild.data = '800.555.0100';");
        browser.waitForText(By.id("phone-dots"), "800.555.0199");

        Map<String, String> asked = query(SHOP.awaitNumberRequests(1).get(0));
        assertThat(asked.keySet()).containsExactly("site", "vid", "sid", "url", "ref", "consent");
        assertThat(asked.get("site")).isEqualTo(DemoShop.SITE_KEY);
        assertThat(asked.get("vid")).isEqualTo(browser.cookie("_trk_vid").getValue());
        assertThat(asked.get("sid")).isEqualTo(browser.cookie("_trk_sid").getValue().split("\\.")[0]);
        assertThat(asked.get("url")).isEqualTo(landing);
        assertThat(asked.get("ref")).isEqualTo(SHOP.trackerOrigin() + "/");
        assertThat(asked.get("consent")).isEqualTo("none");
        assertThat(SHOP.numberRequests()).hasSize(1); // the swaps above asked nothing more
        assertThat(browser.consoleMessages()).noneMatch(m -> m.contains("tracker:"));
    }

    @Test
    void heartbeatRenewsShowsANewNumberAndStopsWhenConsentIsDenied() {
        SHOP.answerNumbers(ANSWER);
        browser.open(SHOP.url(Variant.SHOP, "contact", null));
        browser.waitForText(By.id("phone-paren"), "Call us: (800) 555-0199");

        // The hold lapsed meanwhile and the session now holds another number: the page follows.
        SHOP.answerNumbers(ANSWER.replace("+18005550199", "+18005550188").replace("(800) 555-0199", "(800) 555-0188"));
        browser.script("document.dispatchEvent(new Event('visibilitychange'));"); // visible again
        browser.waitForText(By.id("phone-paren"), "Call us: (800) 555-0188");
        assertThat(href("call-now")).isEqualTo("tel:+18005550188");
        List<String> asked = SHOP.awaitNumberRequests(2);
        assertThat(query(asked.get(1)).get("sid")).isEqualTo(query(asked.get(0)).get("sid"));

        browser.script("tracker('consent', 'denied');"
                + "document.dispatchEvent(new Event('visibilitychange'));"
                + "tracker('event', 'after_denial');");
        SHOP.awaitHits("the event after the denial", hits -> hits.stream()
                .anyMatch(h -> "after_denial".equals(h.getString("name", null))));
        assertThat(SHOP.numberRequests()).hasSize(2);
    }

    @Test
    void consentRequiredAndNotGivenAsksNothingUntilGranted() {
        SHOP.answerNumbers(ANSWER);
        browser.open(SHOP.url(Variant.CONSENT, "contact", null));
        SHOP.awaitHits("page_view", 1);
        assertThat(browser.text(By.id("phone-paren"))).isEqualTo("Call us: (800) 555-0100");
        assertThat(href("call-now")).isEqualTo("tel:+18005550100");

        browser.script("tracker('consent', 'granted');");
        browser.waitForText(By.id("phone-paren"), "Call us: (800) 555-0199");
        List<String> asked = SHOP.numberRequests();
        assertThat(asked).hasSize(1);
        assertThat(query(asked.get(0)).get("consent")).isEqualTo("granted");
    }

    private String href(String id) {
        return (String) browser.script("return document.getElementById(arguments[0]).getAttribute('href');", id);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        Arrays.stream(raw.split("&")).map(p -> p.split("=", 2)).forEach(p -> q.put(
                URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
        return q;
    }
}
