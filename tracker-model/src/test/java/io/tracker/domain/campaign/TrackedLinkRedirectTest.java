package io.tracker.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackedLinkRedirectTest {

    private static final String LANDING = "https://shop.example/landing?utm_source=sms&utm_campaign=spring";

    @Test
    void theLinksOwnUtmWinsAndEveryOtherOpeningParameterIsKeptInOrder() {
        // The field case of issue 7: opened with ?gclid=TEST123&utm_source=ads&foo=BAR.
        assertThat(TrackedLinkRedirect.target(LANDING, "gclid=TEST123&utm_source=ads&foo=BAR", "c1"))
                .isEqualTo("https://shop.example/landing?utm_source=sms&utm_campaign=spring&gclid=TEST123&foo=BAR&trk=c1");
    }

    @Test
    void aUtmKeyTheLinkDoesNotCarryIsKept() {
        assertThat(TrackedLinkRedirect.target(LANDING, "utm_medium=text", "c1"))
                .isEqualTo("https://shop.example/landing?utm_source=sms&utm_campaign=spring&utm_medium=text&trk=c1");
    }

    @Test
    void openingValuesAreDecodedOnceAndEncodedCorrectly() {
        // "+" is a space, %2B a plus, %2520 the three characters "%20", ü as UTF-8.
        assertThat(TrackedLinkRedirect.target("https://shop.example/", "q=a+b&p=1%2B1&n=no%2520code&u=%C3%BC&s=%", "c1"))
                .isEqualTo("https://shop.example/?q=a%20b&p=1%2B1&n=no%2520code&u=%C3%BC&s=%25&trk=c1");
    }

    @Test
    void anIncomingClickIdIsReplacedAndAFlagWithoutValueStaysOne() {
        assertThat(TrackedLinkRedirect.target("https://shop.example/x", "trk=forged&preview", "c9"))
                .isEqualTo("https://shop.example/x?preview&trk=c9");
    }

    @Test
    void aClickIdInAnyLetterCaseFromTheOpeningOrTheDestinationIsReplaced() {
        assertThat(TrackedLinkRedirect.target("https://shop.example/x?a=1&TRK=dest&b=2", "Trk=forged&%74rk=enc&c=3", "c9"))
                .isEqualTo("https://shop.example/x?a=1&b=2&c=3&trk=c9");
    }

    @Test
    void theFragmentStaysTheFragment() {
        assertThat(TrackedLinkRedirect.target("https://shop.example/p?utm_source=sms#reviews", "gclid=G", "c1"))
                .isEqualTo("https://shop.example/p?utm_source=sms&gclid=G&trk=c1#reviews");
        assertThat(TrackedLinkRedirect.target("https://shop.example#top", null, "c1"))
                .isEqualTo("https://shop.example/?trk=c1#top");
    }

    @Test
    void onlyTheClientsWebsiteDomainsAreAllowed() {
        Set<String> domains = Set.of("shop.example");
        assertThat(TrackedLinkRedirect.checkDestination("https://www.shop.example/a", domains).getHost())
                .isEqualTo("www.shop.example");
        assertThatThrownBy(() -> TrackedLinkRedirect.checkDestination("https://evil.example/a", domains))
                .hasMessageContaining("not one of the client's website domains");
        assertThatThrownBy(() -> TrackedLinkRedirect.checkDestination("https://shop.example.evil.example/", domains))
                .hasMessageContaining("not one of");
        assertThatThrownBy(() -> TrackedLinkRedirect.checkDestination("https://shop.example@evil.example/", domains))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrackedLinkRedirect.checkDestination("javascript:alert(1)", domains))
                .hasMessageContaining("absolute http or https");
        assertThatThrownBy(() -> TrackedLinkRedirect.checkDestination("//shop.example/a", domains))
                .hasMessageContaining("absolute http or https");
    }

    @Test
    void theLinksUtmValuesGoIntoTheDestinationAtTheirPlaceOrAtTheEnd() {
        Map<String, String> utm = new LinkedHashMap<>();
        utm.put("utm_source", "sms");
        utm.put("utm_campaign", "spring");
        // Already there: the destination stays exactly as written.
        assertThat(TrackedLinkRedirect.withUtm(LANDING, utm)).isEqualTo(LANDING);
        utm.put("utm_medium", "text message");
        utm.put("utm_term", " ");
        assertThat(TrackedLinkRedirect.withUtm("https://shop.example/l?utm_source=ads&x=%2B&utm_source=b#f", utm))
                .isEqualTo("https://shop.example/l?utm_source=sms&x=%2B&utm_campaign=spring&utm_medium=text%20message#f");
        assertThat(TrackedLinkRedirect.withUtm("https://shop.example", Map.of()))
                .isEqualTo("https://shop.example");
    }
}
