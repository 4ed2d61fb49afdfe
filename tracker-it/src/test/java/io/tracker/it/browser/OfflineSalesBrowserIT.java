package io.tracker.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The Offline sales page as an analyst uses it: a file of three sales (one matched by the gclid of a stored
 * visit, one unmatched, one with a malformed time) gives its match report on the page and in the list of uploads;
 * uploading it again shows the two stored sales as already stored.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OfflineSalesBrowserIT {

    private static final TrackerClient API = new TrackerClient();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @RegisterExtension
    final Browser browser = Browser.forEachTest("offline-last-");

    @TempDir
    Path dir;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(MembershipReset.class);
    }

    @Test
    void anAnalystUploadsTheTillsSalesAndReadsTheMatchReport() throws Exception {
        TestTenant shop = API.createTenant("Offline page shop", BERLIN, "EUR");
        LocalDate day = LocalDate.now(BERLIN).minusDays(1);
        String visit = day.minusDays(2).atTime(9, 0).atZone(BERLIN).toInstant().toString();
        assertThat(API.postEvents(shop.apiKey(), "{\"events\":[{\"event_id\":\"ob-1\",\"type\":\"touchpoint\","
                + "\"visitor_id\":\"ob-v\",\"timestamp\":\"" + visit + "\",\"utm_source\":\"google\","
                + "\"utm_medium\":\"cpc\",\"utm_campaign\":\"brand\",\"gclid\":\"GCLID-OB\"}]}").status())
                .isEqualTo(202);
        MembershipReset.reset(API, DemoUser.ANALYST.email());
        API.invite(shop.id(), DemoUser.ANALYST.email(), "ANALYST");
        Path file = dir.resolve("till.csv");
        Files.writeString(file, "order_id,time,value,action,gclid,email\n"
                + "T-1," + day + " 10:00:00,59.90,purchase,GCLID-OB,\n"
                + "T-2," + day + " 11:00:00,20.00,purchase,,walk-in@example.com\n"
                + "T-3," + day + " 9:00:00,5.00,purchase,,\n");

        browser.signIn(DemoUser.ANALYST);
        browser.open("app/offline-conversions.xhtml");
        assertThat(browser.title()).isEqualTo("Offline sales · Tracker");
        assertThat(browser.navigation()).contains("Offline sales");
        browser.upload(file, "offline-form", "offline-form:offline-upload");

        assertThat(browser.text(By.id("offline-stored"))).isEqualTo("2");
        assertThat(browser.text(By.id("offline-click"))).isEqualTo("1");
        assertThat(browser.text(By.id("offline-email"))).isEqualTo("0");
        assertThat(browser.text(By.id("offline-unmatched"))).isEqualTo("1");
        assertThat(browser.text(By.id("offline-rejected"))).isEqualTo("1");
        List<List<String>> errors = browser.tableRows("report-form:offline-errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get(0)).isEqualTo("4");
        assertThat(errors.get(0).get(1)).isEqualTo("time");
        assertThat(errors.get(0).get(2)).contains("two-digit fields");

        browser.upload(file, "offline-form", "offline-form:offline-upload");
        assertThat(browser.text(By.id("offline-stored"))).isEqualTo("0");
        assertThat(browser.text(By.id("offline-duplicates"))).isEqualTo("2");
        List<List<String>> uploads = browser.tableRows("recent-form:offline-recent");
        assertThat(uploads).hasSize(2);
        // newest first: rows, stored, click id, e-mail, phone, unmatched, duplicates, skipped
        assertThat(uploads.get(0).subList(2, 10)).containsExactly("3", "0", "0", "0", "0", "0", "2", "1");
        assertThat(uploads.get(1).subList(2, 10)).containsExactly("3", "2", "1", "0", "0", "1", "0", "1");
    }
}
