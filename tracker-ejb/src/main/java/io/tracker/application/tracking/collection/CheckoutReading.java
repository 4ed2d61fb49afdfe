package io.tracker.application.tracking.collection;

import io.tracker.domain.conversion.enhanced.GoogleAdsNormaliser;
import io.tracker.domain.conversion.enhanced.PhoneDigits;
import io.tracker.domain.shared.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a conversion's {@link CheckoutDetails} into what is stored. A detail that cannot be used is left out and
 * named in {@link #problem()}, which becomes the stored hit's note: the conversion itself is never refused for
 * its cart details (losing a checkout over a misspelt time zone would lose the micro conversion too).
 *
 * <ul>
 *   <li>{@code restore_url}: absolute {@code http}/{@code https}, at most {@value #MAX_URL} characters. Whether its
 *       host is one of the tenant's sites is checked when a text is made (a tracked link only leads there).</li>
 *   <li>{@code phone}: read into E.164 by libphonenumber with the tenant's phone region; its hash is the SHA-256 of
 *       the E.164 form, as Google Ads enhanced conversions hash a phone (the person key {@code tel:<hash>}). The
 *       E.164 number itself is kept only with SMS consent, because only then is it needed (to send).</li>
 *   <li>{@code tz}: an IANA region id such as {@code America/Chicago}.</li>
 * </ul>
 */
record CheckoutReading(RecoveryCheckout checkout, String problem) {

    static final int MAX_URL = 2048;
    private static final GoogleAdsNormaliser HASH = new GoogleAdsNormaliser();

    static CheckoutReading read(CheckoutDetails details, String phoneRegion) {
        StringBuilder problems = new StringBuilder();
        String restoreUrl = restoreUrl(details.restoreUrl(), problems);
        String e164 = null;
        String hash = null;
        if (details.phone() != null && !details.phone().isBlank()) {
            Optional<String> read = PhoneDigits.e164(details.phone(), phoneRegion);
            if (read.isPresent()) {
                e164 = read.get();
                hash = HASH.phone(e164, phoneRegion).orElseThrow();
            } else {
                problem(problems, "phone is not a valid number (read with region " + phoneRegion + "): not kept");
            }
        }
        String zone = zone(details.timeZone(), problems);
        return new CheckoutReading(new RecoveryCheckout(restoreUrl, hash, details.smsConsent() ? e164 : null,
                details.smsConsent(), zone), problems.length() == 0 ? null : problems.toString());
    }

    private static String restoreUrl(String url, StringBuilder problems) {
        if (url == null || url.isBlank()) {
            return null;
        }
        if (url.length() > MAX_URL || url.indexOf('\0') >= 0) {
            problem(problems, "restore_url is longer than " + MAX_URL + " characters: not kept");
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() != null && (scheme.equals("http") || scheme.equals("https"))) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // named below
        }
        problem(problems, "restore_url must be an absolute http(s) URL, not " + Text.echo(url) + ": not kept");
        return null;
    }

    private static String zone(String zone, StringBuilder problems) {
        if (zone == null || zone.isBlank()) {
            return null;
        }
        try {
            if (zone.length() <= 64) {
                return ZoneId.of(zone.strip()).getId();
            }
        } catch (DateTimeException e) {
            // named below
        }
        problem(problems, "tz must be an IANA time zone such as Europe/Paris, not " + Text.echo(zone) + ": not kept");
        return null;
    }

    private static void problem(StringBuilder problems, String problem) {
        problems.append(problems.length() == 0 ? "checkout: " : "; ").append(problem);
    }
}
