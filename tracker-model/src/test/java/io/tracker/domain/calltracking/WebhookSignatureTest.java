package io.tracker.domain.calltracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** Twilio's published example: auth token 12345, this URL and these parameters. */
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, List<String>> PARAMS = Map.of("CallSid", List.of("CA1234567890ABCDE"),
            "Caller", List.of("+14158675309"), "Digits", List.of("1234"), "From", List.of("+14158675309"),
            "To", List.of("+18005551212"));

    @Test
    void twilioMatchesItsPublishedVectors() {
        assertThat(WebhookSignature.twilio("12345", URL, PARAMS)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        // a repeated name (twilio-python's vector): distinct values, sorted
        assertThat(WebhookSignature.twilio("12345", URL, Map.of("Sid", List.of("CA123"), "SidAccount", List.of("AC123"),
                "Digits", List.of("5678", "1234", "1234")))).isEqualTo("IK+Dwps556ElfBT0I3Rgjkr1wJU=");
        assertThat(WebhookSignature.twilio("12345", URL + "&extra=1", PARAMS)).isNotEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertThat(WebhookSignature.twilio("54321", URL, PARAMS)).isNotEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void trackersOwnIsAnHmacSha256OfTimeAndBody() throws Exception {
        byte[] body = "{\"to\":\"+18005550199\"}".getBytes(StandardCharsets.UTF_8);
        // computed independently: printf '1700000000.{"to":"+18005550199"}' | openssl dgst -sha256 -hmac secret-secret-secret
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("secret-secret-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String hex = java.util.HexFormat.of().formatHex(mac.doFinal(("1700000000." + new String(body, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8)));
        String header = WebhookSignature.tracker("secret-secret-secret", 1_700_000_000L, body);
        assertThat(header).isEqualTo("t=1700000000,v1=" + hex);
        assertThat(WebhookSignature.trackerMatches("secret-secret-secret", header, body, 1_700_000_100L)).isTrue();
        assertThat(WebhookSignature.trackerMatches("secret-secret-secret", header, body, 1_700_000_301L))
                .as("outside the 5 minutes").isFalse();
        assertThat(WebhookSignature.trackerMatches("other-secret-secret", header, body, 1_700_000_000L)).isFalse();
        assertThat(WebhookSignature.trackerMatches("secret-secret-secret", header, "{}".getBytes(StandardCharsets.UTF_8),
                1_700_000_000L)).isFalse();
        assertThat(WebhookSignature.trackerMatches("secret-secret-secret", "v1=" + hex, body, 1_700_000_000L)).isFalse();
    }
}
