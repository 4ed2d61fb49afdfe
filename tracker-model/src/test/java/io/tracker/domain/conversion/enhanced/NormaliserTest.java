package io.tracker.domain.conversion.enhanced;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The hashing vectors of issue #10, each worked out independently (printf '…' | sha256sum). */
class NormaliserTest {

    private final Normaliser google = new GoogleAdsNormaliser();
    private final Normaliser meta = new MetaNormaliser();

    @Test
    void googleAdsEnhancedConversions() {
        assertThat(google.email(" Test.User@GoogleMail.com ")).contains(
                "06bfc6aa38674253530e62f2b585d63e3786cbb759b81b73df34ae80894d8813"); // testuser@googlemail.com
        assertThat(google.phone("+1 (800) 555-0101", "US")).contains(
                "61d6c2976b5d92b1ad63073a12fddd26040cd980067d03a93dd1cc50f1a3ac68"); // +18005550101
        assertThat(google.name(" Mary Ann ")).contains(
                "343b97011010c3549fe7fcd6c226ed9431ea37b0b77ed78f6300a0098925faf1"); // mary ann
        // the periods go only at gmail.com and googlemail.com
        assertThat(google.email("Test.User@Example.com")).contains(Sha256.hex("test.user@example.com"));
        // a national number takes the tenant's region
        assertThat(google.phone("(800) 555-0101", "US")).isEqualTo(google.phone("+18005550101", null));
    }

    @Test
    void metaConversionsApi() {
        assertThat(meta.email(" Test.User@GoogleMail.com ")).contains(
                "f60f8555710483f6d082157013ca06779173aa5454a6f0255dcf2258f007a834"); // test.user@googlemail.com
        assertThat(meta.phone("+1 (800) 555-0101", "US")).contains(
                "cc4160cbb01658fcff52a57f3403e0e9c7a4735cff1574df41ee3f3036697468"); // 18005550101
    }

    @Test
    void aDigestIsNeverHashedAgainAndBadValuesGiveNothing() {
        String digest = "06BFC6AA38674253530E62F2B585D63E3786CBB759B81B73DF34AE80894D8813";
        for (Normaliser n : new Normaliser[] {google, meta}) {
            assertThat(n.email(digest)).contains(digest.toLowerCase());
            assertThat(n.phone(digest, "US")).contains(digest.toLowerCase());
            assertThat(n.name(digest)).contains(digest.toLowerCase());
            assertThat(n.email("not an address")).isEmpty();
            assertThat(n.email("@example.com")).isEmpty();
            assertThat(n.email("  ")).isEmpty();
            assertThat(n.phone("555", "US")).isEmpty();
            assertThat(n.phone(null, "US")).isEmpty();
            assertThat(n.name("")).isEmpty();
        }
        assertThat(google.version()).isNotEqualTo(meta.version());
    }

    @Test
    void googleAdsTimesCarryTheZonesOffsetAtTheInstant() {
        ZoneId la = ZoneId.of("America/Los_Angeles");
        assertThat(GoogleAdsTimes.conversionDateTime(Instant.parse("2017-02-08T21:00:00Z"), la))
                .isEqualTo("2017-02-08 13:00:00-08:00");
        assertThat(GoogleAdsTimes.conversionDateTime(Instant.parse("2021-10-21T07:05:09Z"), la))
                .isEqualTo("2021-10-21 00:05:09-07:00");
        assertThat(GoogleAdsTimes.conversionDateTime(Instant.parse("2021-10-21T07:05:09Z"), ZoneId.of("UTC")))
                .isEqualTo("2021-10-21 07:05:09+00:00");
    }
}
