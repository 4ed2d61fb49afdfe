package io.tracker.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The path analysis page ({@code /app/path-analyses.xhtml}) as an analyst uses it: uploads the white
 * paper's three paths with one bad line, sees the bad line listed, the totals, every model side by
 * side and the chart; a viewer of the same client reads the analysis without the upload form.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PathAnalysisBrowserIT {

    private static final TrackerClient API = new TrackerClient();

    @RegisterExtension
    final Browser browser = Browser.forEachTest("paths-last-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(MembershipReset.class);
    }

    /*
     * By hand (channels A, B; three conversions worth 30 each; line 5 is bad):
     *   first and last touch: A 3; linear: A 3/6 + 3/5 + 2/2 = 2.1, B 0.9;
     *   position based: A (0.4 + 0.05 + 0.4) + (0.4 + 0.2/3 + 0.4) + 1 = 2.7167, B 0.15 + 0.1333 = 0.2833;
     *   Markov (the white paper): A 2, B 1, removal effects 100% and 50%;
     *   Shapley: v({A}) = 1, v({A,B}) = 1, v({B}) = 0 → on {A,B} A gets 1, B 0: A 3, B 0.
     */
    @Test
    void anAnalystUploadsPathsAndComparesTheModels(@TempDir Path dir) throws IOException {
        TestTenant shop = API.createTenant("Paths page shop", ZoneId.of("UTC"), "EUR");
        MembershipReset.reset(API, DemoUser.ANALYST.email());
        API.invite(shop.id(), DemoUser.ANALYST.email(), "ANALYST");
        Path csv = dir.resolve("white-paper.csv");
        Files.writeString(csv, """
                path;total_conversions;total_conversion_value;total_null
                A > B > A > B > B > A;1;30;0
                A > B > B > A > A;1;30;0
                A > A;1;30;0
                A > > B;1;1;1
                """, StandardCharsets.UTF_8);

        browser.signIn(DemoUser.ANALYST);
        assertThat(browser.navigation()).contains("Path analysis");
        browser.open("app/path-analyses.xhtml");
        assertThat(browser.title()).isEqualTo("Path analysis · Tracker");
        assertThat(browser.pageText()).contains("No path analysis yet.");

        browser.upload(csv, "upload-form", "upload-form:analyse-button");

        assertThat(browser.messages("messages")).containsExactly(
                "Analysed white-paper.csv with 1 line skipped; see the list below.");
        List<List<String>> rejected = browser.tableRows("rejected-form:rejected-lines");
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).get(0)).isEqualTo("5");
        assertThat(rejected.get(0).get(1)).contains("step 2 of the path is empty");
        assertThat(browser.text(By.id("analysis-name"))).isEqualTo("white-paper.csv");
        assertThat(browser.text(By.id("pa-conversions"))).isEqualTo("3");
        assertThat(browser.text(By.id("pa-revenue"))).isEqualTo("90.00");
        assertThat(browser.text(By.id("pa-nulls"))).isEqualTo("0");
        assertThat(browser.text(By.id("pa-rate"))).isEqualTo("100.00%");
        assertThat(browser.tableHeader("path-conversions")).containsExactly("Channel", "First touch", "Last touch",
                "Linear", "Position based", "Markov", "Shapley", "Removal effect");
        assertThat(browser.tableRows("path-conversions")).containsExactly(
                List.of("A", "3.00", "3.00", "2.10", "2.72", "2.00", "3.00", "100.00%"),
                List.of("B", "0.00", "0.00", "0.90", "0.28", "1.00", "0.00", "50.00%"));
        assertThat(browser.tableRows("path-values")).containsExactly(
                List.of("A", "90.00", "90.00", "63.00", "81.50", "60.00", "90.00"),
                List.of("B", "0.00", "0.00", "27.00", "8.50", "30.00", "0.00"));
        assertThat(browser.chartDrawn("path-chart")).isTrue();
        assertThat(browser.tableRows("analyses-form:analyses-table")).singleElement()
                .satisfies(row -> assertThat(row.get(0)).isEqualTo("white-paper.csv"));
        browser.fullPageScreenshot("50-path-analysis");
    }

    @Test
    void aViewerReadsAnalysesWithoutTheUploadForm() {
        TestTenant shop = API.createTenant("Paths viewer shop", ZoneId.of("UTC"), "EUR");
        assertThat(API.post("api/v1/path-analyses?name=shared.csv", shop.apiKey(), "text/csv",
                "email > search;2;20;2\nsearch;1;5;3\n".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
        MembershipReset.reset(API, DemoUser.VIEWER.email());
        API.invite(shop.id(), DemoUser.VIEWER.email(), "VIEWER");

        browser.signIn(DemoUser.VIEWER);
        browser.open("app/path-analyses.xhtml");

        assertThat(browser.isPresent(By.id("upload-form"))).isFalse();
        assertThat(browser.text(By.id("analysis-name"))).isEqualTo("shared.csv");
        // First touch: email 2, search 1; last touch: search 3.
        assertThat(browser.tableRows("path-conversions")).extracting(r -> r.subList(0, 3)).containsExactly(
                List.of("email", "2.00", "0.00"), List.of("search", "1.00", "3.00"));
        assertThat(browser.chartDrawn("path-chart")).isTrue();
    }
}
