package io.tracker.interfaces.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.application.tracking.collection.Site;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteSnippetsTest {

    private static final Site SHOP = new Site(1, "Shop", List.of("shop.example"), "site_KEY", false, Instant.EPOCH);

    @Test
    void theTagSnippetIsTheReadmeForm() {
        assertThat(new SiteSnippets("https://tracker.example.com/").tag(SHOP)).isEqualTo("""
                <script>
                  window.tracker=window.tracker||function(){(tracker.q=tracker.q||[]).push(arguments)};
                  tracker('init', {site: 'site_KEY', endpoint: 'https://tracker.example.com'});
                </script>
                <script async src="https://tracker.example.com/t.js"></script>""");
    }

    @Test
    void aSiteThatRequiresConsentSaysSoInInit() {
        Site consent = new Site(2, "Shop", List.of("shop.example"), "site_K2", true, Instant.EPOCH);
        assertThat(new SiteSnippets("http://localhost:8080").tag(consent))
                .contains("tracker('init', {site: 'site_K2', endpoint: 'http://localhost:8080', consent: 'required'});");
    }

    @Test
    void thePixelIsAThankYouPageConversionInTheCurrency() {
        assertThat(new SiteSnippets("https://t.example").pixel(SHOP, "USD")).isEqualTo(
                "<img src=\"https://t.example/p.gif?k=site_KEY&type=conversion&action=purchase&value=59.90&currency=USD"
                        + "&order_id=A-1001\"\n     width=\"1\" height=\"1\" alt=\"\" style=\"display:none\">");
    }
}
