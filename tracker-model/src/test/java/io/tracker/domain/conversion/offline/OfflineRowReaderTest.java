package io.tracker.domain.conversion.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfflineRowReaderTest {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static final OfflineAction PURCHASE = new OfflineAction(7, "purchase", true, new BigDecimal("50.00"),
            false, null, 30);
    private static final OfflineAction LEAD = new OfflineAction(8, "lead", true, new BigDecimal("20.00"), true,
            "EUR", 30);
    private static final OfflineAction OLD = new OfflineAction(9, "old", false, BigDecimal.ZERO, false, null, 30);
    private final OfflineRowReader reader = new OfflineRowReader(LA, "US", "USD",
            Map.of("purchase", PURCHASE, "lead", LEAD, "old", OLD), Instant.parse("2026-12-06T00:00:00Z"));

    private static Map<String, String> row(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private OfflineConversion read(String... kv) throws OfflineRowException {
        return reader.read(row(kv)::get);
    }

    @Test
    void localTimesAreTheTenantsWallTimeAndIsoTimesTheirInstant() throws Exception {
        // 2017-02-08 13:00 in Los Angeles is PST (UTC-8): 21:00Z; 2021-10-21 00:05:09 is PDT (UTC-7): 07:05:09Z.
        assertThat(read("time", "2017-02-08 13:00:00", "action", "purchase").at())
                .isEqualTo(Instant.parse("2017-02-08T21:00:00Z"));
        assertThat(read("time", "2021-10-21T00:05:09", "action", "purchase").at())
                .isEqualTo(Instant.parse("2021-10-21T07:05:09Z"));
        assertThat(read("time", "2021-10-21T09:05:09+02:00", "action", "purchase").at())
                .isEqualTo(Instant.parse("2021-10-21T07:05:09Z"));
        assertThat(read("time", "2021-10-21T07:05:09.250Z", "action", "purchase").at())
                .isEqualTo(Instant.parse("2021-10-21T07:05:09.250Z"));
    }

    @Test
    void malformedTimesAreRowErrorsNamingTheColumn() {
        for (String bad : new String[] {"2026-12-1 09:05:00", "2026-12-01 9:05:00", "01/12/2026 09:05", "2026-02-30 10:00:00",
                "2026-12-01T10:00:00+1", "yesterday", ""}) {
            assertThatThrownBy(() -> read("time", bad, "action", "purchase"))
                    .isInstanceOf(OfflineRowException.class)
                    .satisfies(e -> assertThat(((OfflineRowException) e).column()).isEqualTo("time"))
                    .hasMessageStartingWith("column time: ");
        }
        assertThatThrownBy(() -> read("time", "2026-12-08 10:00:00", "action", "purchase"))
                .hasMessageContaining("future");
    }

    @Test
    void valuesCurrenciesAndActions() throws Exception {
        OfflineConversion sale = read("time", "2026-12-01 10:00:00", "action", "purchase", "value", "129.90",
                "currency", "eur");
        assertThat(sale.value()).isEqualByComparingTo("129.90");
        assertThat(sale.currency()).isEqualTo("EUR");
        OfflineConversion noValue = read("time", "2026-12-01 10:00:00", "action", "purchase");
        assertThat(noValue.value()).isEqualByComparingTo("50.00");
        assertThat(noValue.currency()).isEqualTo("USD");
        OfflineConversion fixed = read("time", "2026-12-01 10:00:00", "action", "lead", "value", "999");
        assertThat(fixed.value()).isEqualByComparingTo("20.00");
        assertThat(fixed.currency()).isEqualTo("EUR");
        assertThatThrownBy(() -> read("time", "2026-12-01 10:00:00", "action", "purchase", "value", "-5"))
                .hasMessageStartingWith("column value: ");
        assertThatThrownBy(() -> read("time", "2026-12-01 10:00:00", "action", "purchase", "value", "1,5"))
                .hasMessageStartingWith("column value: ");
        assertThatThrownBy(() -> read("time", "2026-12-01 10:00:00", "action", "purchase", "currency", "XAU"))
                .hasMessageStartingWith("column currency: ");
        assertThatThrownBy(() -> read("time", "2026-12-01 10:00:00", "action", "nope"))
                .hasMessageStartingWith("column action: ");
        assertThatThrownBy(() -> read("time", "2026-12-01 10:00:00", "action", "old"))
                .hasMessageContaining("paused");
        assertThatThrownBy(() -> read("time", "2026-12-01 10:00:00")).hasMessageStartingWith("column action: ");
    }

    @Test
    void identifiersAreHashedPerPlatformAndUnusableOnesFlagged() throws Exception {
        OfflineConversion c = read("time", "2026-12-01 10:00:00", "action", "purchase",
                "email", " Test.User@GoogleMail.com ", "phone", "(800) 555-0101", "first_name", " Mary Ann ",
                "country", "US", "gclid", "Cj0KCQ", "gbraid", "0AAAA");
        var h = c.identifiers().hashed();
        // The vectors: Google drops the dots of a googlemail.com address, Meta keeps them; a national
        // number is read in the tenant's region (US) into +18005550101.
        assertThat(h.emailGoogle()).isEqualTo("06bfc6aa38674253530e62f2b585d63e3786cbb759b81b73df34ae80894d8813");
        assertThat(h.emailMeta()).isEqualTo("f60f8555710483f6d082157013ca06779173aa5454a6f0255dcf2258f007a834");
        assertThat(h.phoneGoogle()).isEqualTo("61d6c2976b5d92b1ad63073a12fddd26040cd980067d03a93dd1cc50f1a3ac68");
        assertThat(h.phoneMeta()).isEqualTo("cc4160cbb01658fcff52a57f3403e0e9c7a4735cff1574df41ee3f3036697468");
        assertThat(h.firstName()).isEqualTo("343b97011010c3549fe7fcd6c226ed9431ea37b0b77ed78f6300a0098925faf1");
        assertThat(h.country()).isEqualTo("us");
        assertThat(c.identifiers().emailKey()).isEqualTo("email:" + h.emailMeta());
        assertThat(c.identifiers().phoneKey()).isEqualTo("tel:" + h.phoneGoogle());
        assertThat(c.clickIds()).containsExactly("Cj0KCQ", "0AAAA");

        OfflineConversion bad = read("time", "2026-12-01 10:00:00", "action", "purchase", "email", "not-an-address",
                "phone", "12");
        assertThat(bad.identifiers().emailInvalid()).isTrue();
        assertThat(bad.identifiers().phoneInvalid()).isTrue();
        assertThat(bad.identifiers().emailKey()).isNull();
        assertThat(bad.identifiers().hashed().hasEmailOrPhone()).isFalse();
    }
}
