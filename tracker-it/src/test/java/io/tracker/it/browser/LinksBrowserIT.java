package io.tracker.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.ApiResponse;
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
 * The tracked links page ({@code /app/links.xhtml}) as an analyst uses it: makes a link for a campaign
 * (its UTM values and the form's written into the destination), sees its QR code (an SVG the page
 * loads, the whole symbol in a square), the short URL in the list, then archives it; a viewer reads the list without the controls.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LinksBrowserIT {

    private static final TrackerClient API = new TrackerClient();

    @RegisterExtension
    final Browser browser = Browser.forEachTest("links-last-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(MembershipReset.class);
    }

    @Test
    void anAnalystMakesALinkSeesItsQrCodeAndArchivesIt() {
        TestTenant shop = API.createTenant("Links page shop", ZoneId.of("UTC"), "EUR");
        API.addSite(shop.id(), "shop.example");
        API.addAgencyAdmin(shop.agencyId(), Keycloak.AUTOMATION_EMAIL);
        ApiResponse campaign = API.postJson("api/v1/campaigns", Keycloak.automationTokens().accessToken(), shop.id(),
                "{\"name\":\"spring\",\"channel\":\"SMS\",\"utm_source\":\"sms\",\"utm_campaign\":\"spring\"}");
        assertThat(campaign.status()).as(campaign.toString()).isEqualTo(201);
        MembershipReset.reset(API, DemoUser.ANALYST.email());
        API.invite(shop.id(), DemoUser.ANALYST.email(), "ANALYST");

        browser.signIn(DemoUser.ANALYST);
        browser.open("app/links.xhtml");
        assertThat(browser.title()).isEqualTo("Tracked links · Tracker");
        assertThat(browser.tableRows("links-form:links-table")).containsExactly(List.of("No tracked links yet."));

        browser.clickAjax(By.id("new-link-button"));
        browser.waitVisible(By.id("link-dialog"));
        assertThat(browser.pageText()).contains("On one of the client's websites: shop.example.");
        browser.type(By.id("link-form:link-destination"), "https://evil.example/landing");
        browser.clickAjax(By.id("link-form:create-link"));
        assertThat(browser.messages("link-form:link-messages")).singleElement().asString()
                .contains("is not one of the client's website domains");
        browser.type(By.id("link-form:link-destination"), "https://shop.example/landing");
        browser.type(By.id("link-form:utm-medium"), "sms");
        browser.clickAjax(By.id("link-form:create-link"));
        browser.waitVisible(By.id("qr-dialog"));

        List<JsonObject> links = API.get("api/v1/links", shop.apiKey()).jsonArray().getValuesAs(JsonObject.class);
        assertThat(links).hasSize(1);
        JsonObject link = links.get(0);
        assertThat(link.getString("destination"))
                .isEqualTo("https://shop.example/landing?utm_source=sms&utm_medium=sms&utm_campaign=spring");
        String shortUrl = browser.url("c/" + link.getString("code"));
        assertThat(browser.text(By.id("qr-url"))).isEqualTo(shortUrl);
        // The QR code is an image the page loads from the server (an SVG), shown as a 240 px square with
        // the whole symbol in it: drawn onto a canvas, a white quiet zone all around, black modules inside.
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.script(
                "var i = document.getElementById('qr-code'); return !!i && i.complete && i.naturalWidth > 0;")));
        assertThat((String) browser.asyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(document.getElementById('qr-code').src, {credentials: 'same-origin'})"
                + ".then(function (r) { done(r.status + ' ' + r.headers.get('Content-Type')); })"
                + ".catch(function (e) { done('failed ' + e); });")).isEqualTo("200 image/svg+xml");
        String qr = (String) browser.script("var i = document.getElementById('qr-code'); var r = i.getBoundingClientRect();"
                + "var c = document.createElement('canvas'); c.width = 240; c.height = 240;"
                + "var g = c.getContext('2d'); g.fillStyle = '#fff'; g.fillRect(0, 0, 240, 240); g.drawImage(i, 0, 0, 240, 240);"
                + "var px = g.getImageData(0, 0, 240, 240).data; var edge = 0, inner = 0;"
                + "for (var y = 0; y < 240; y++) for (var x = 0; x < 240; x++) {"
                + "  var dark = px[(y * 240 + x) * 4] < 128;"
                + "  if (x < 8 || y < 8 || x >= 232 || y >= 232) { if (dark) edge++; } else if (dark) inner++; }"
                + "return Math.round(r.width) + 'x' + Math.round(r.height) + ' ratio ' + (i.naturalWidth === i.naturalHeight)"
                + " + ' edge ' + edge + ' inner ' + (inner > 5000);");
        assertThat(qr).isEqualTo("240x240 ratio true edge 0 inner true");
        browser.screenshot("40-link-qr-code");
        browser.click(By.cssSelector("#qr-dialog .ui-dialog-titlebar-close"));
        browser.waitHidden(By.id("qr-dialog"));

        assertThat(browser.messages("messages")).singleElement().asString().startsWith("Made the link " + shortUrl);
        List<String> row = browser.tableRows("links-form:links-table").get(0);
        assertThat(row.get(0)).startsWith(shortUrl);
        assertThat(row.subList(1, 3)).containsExactly("spring", "SMS");
        assertThat(row.get(3)).isEqualTo(link.getString("destination"));
        assertThat(row.get(4)).isEqualTo("0");
        assertThat(row.get(6)).isEqualTo("active");

        browser.clickInRow("links-form:links-table", link.getString("code"), ".archive-link");
        browser.confirm();
        assertThat(browser.messages("messages")).containsExactly("Archived the link " + shortUrl + ": it no longer redirects.");
        assertThat(browser.tableRows("links-form:links-table").get(0).get(6)).isEqualTo("archived");
        assertThat(API.send(API.request("c/" + link.getString("code")).GET()).status()).isEqualTo(404);
        browser.screenshot("41-link-archived");
    }

    @Test
    void aViewerReadsTheLinksWithoutTheControls() {
        TestTenant shop = API.createTenant("Links viewer shop", ZoneId.of("UTC"), "EUR");
        MembershipReset.reset(API, DemoUser.VIEWER.email());
        API.invite(shop.id(), DemoUser.VIEWER.email(), "VIEWER");

        browser.signIn(DemoUser.VIEWER);
        browser.open("app/links.xhtml");
        assertThat(browser.isPresent(By.id("links-form:links-table"))).isTrue();
        assertThat(browser.isPresent(By.id("new-link-button"))).isFalse();
        assertThat(browser.isPresent(By.cssSelector(".archive-link"))).isFalse();
    }
}
