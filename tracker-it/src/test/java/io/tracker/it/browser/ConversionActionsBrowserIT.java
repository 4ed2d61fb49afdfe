package io.tracker.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The conversion actions page ({@code /app/conversion-actions.xhtml}) as an analyst uses it: edits the
 * purchase action's lookback window, sees that its three converting visitors are re-attributed in the
 * background and the progress reach "Attribution up to date", and that a delete of an action with
 * conversions offers a pause instead (which the API then shows).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConversionActionsBrowserIT {

    private static final TrackerClient API = new TrackerClient();

    @RegisterExtension
    final Browser browser = Browser.forEachTest("conversion-actions-last-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(MembershipReset.class);
    }

    @Test
    void anAnalystChangesTheLookbackAndWatchesReAttributionFinish() {
        TestTenant shop = API.createTenant("Actions page shop", ZoneId.of("UTC"), "EUR");
        String at = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        StringBuilder batch = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 4; i++) { // four purchases by three visitors
            batch.append(i == 0 ? "" : ",").append("{\"event_id\":\"p-").append(i).append("\",\"type\":\"conversion\",")
                    .append("\"timestamp\":\"").append(at).append("\",\"visitor_id\":\"v-").append(i % 3)
                    .append("\",\"order_id\":\"o-").append(i).append("\",\"value\":10}");
        }
        ApiResponse sent = API.postEvents(shop.apiKey(), batch.append("]}").toString());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        API.awaitAttribution(shop);
        MembershipReset.reset(API, DemoUser.ANALYST.email());
        API.invite(shop.id(), DemoUser.ANALYST.email(), "ANALYST");

        browser.signIn(DemoUser.ANALYST);
        browser.open("app/conversion-actions.xhtml");
        assertThat(browser.text(By.id("progress-form:progress"))).isEqualTo("Attribution up to date");
        browser.clickInRow("actions-form:actions-table", "purchase", ".edit-action");
        browser.waitVisible(By.id("action-dialog"));
        assertThat(browser.value(By.id("action-form:lookback-days_input"))).isEqualTo("30");
        browser.script("PF('lookbackDays').setValue(7);");
        browser.clickAjax(By.id("action-form:create-action"));
        browser.waitHidden(By.id("action-dialog"));
        assertThat(browser.messages("messages")).containsExactly(
                "Saved the conversion action purchase. Re-attributing its 3 visitors in the background.");
        browser.screenshot("50-conversion-action-reattributing");
        browser.waitForText(By.id("progress-form:progress"), "Attribution up to date");
        assertThat(API.pendingAttribution(shop.id())).isZero();
        assertThat(browser.row("actions-form:actions-table", "purchase").getText()).contains("7 d / 1 d");
        assertThat(API.get("api/v1/conversion-actions/purchase", shop.apiKey()).json().getInt("lookback_days"))
                .isEqualTo(7);

        browser.clickInRow("actions-form:actions-table", "purchase", ".delete-action");
        browser.waitVisible(By.id("delete-dialog"));
        assertThat(browser.text(By.id("delete-dialog"))).contains("The action has 4 conversions")
                .contains("Pause it instead");
        browser.clickAjax(By.id("delete-form:pause-instead"));
        browser.waitHidden(By.id("delete-dialog"));
        browser.waitForText(By.id("progress-form:progress"), "Attribution up to date");
        assertThat(browser.row("actions-form:actions-table", "purchase").getText()).contains("Paused");
        assertThat(API.get("api/v1/conversion-actions/purchase", shop.apiKey()).json().getString("status"))
                .isEqualTo("paused");
        browser.screenshot("51-conversion-action-paused");
    }
}
