package io.tracker.domain.conversion.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The fixed scenario of the export tests: four conversions of a tenant in Los Angeles and two adjustments.
 * Hashes are the vectors (NormaliserTest) and values worked out with {@code printf '…' | sha256sum}.
 */
final class ExportScenario {

    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final String ACTION = "customers/1234567890/conversionActions/987654";

    /** sha256("testuser@googlemail.com"), Google's form of " Test.User@GoogleMail.com ". */
    static final String EMAIL_GOOGLE = "06bfc6aa38674253530e62f2b585d63e3786cbb759b81b73df34ae80894d8813";
    /** sha256("test.user@googlemail.com"), Meta's form. */
    static final String EMAIL_META = "f60f8555710483f6d082157013ca06779173aa5454a6f0255dcf2258f007a834";
    /** sha256("+18005550101"). */
    static final String PHONE_GOOGLE = "61d6c2976b5d92b1ad63073a12fddd26040cd980067d03a93dd1cc50f1a3ac68";
    /** sha256("18005550101"). */
    static final String PHONE_META = "cc4160cbb01658fcff52a57f3403e0e9c7a4735cff1574df41ee3f3036697468";
    /** sha256("mary ann"). */
    static final String FIRST_NAME = "343b97011010c3549fe7fcd6c226ed9431ea37b0b77ed78f6300a0098925faf1";
    /** sha256("smith"). */
    static final String LAST_NAME = "6627835f988e2c5e50533d491163072d3f4f41f5c8b04630150debb3722ca2dd";
    /** sha256("losangeles"). */
    static final String CITY = "8760663bb25fa79f35c2c14fb9c6bcbe444a8c938491cd24fe684a7056c9dbc4";
    /** sha256("90210"). */
    static final String POSTAL_CODE = "b83c588da0c6931625f42e0948054a3ade722bfd02c27816305742ed7390ac6c";
    /** sha256("us"): Meta's {@code country}. */
    static final String COUNTRY_US_HASHED = "79adb2a2fce5c6ba215fe5f27f532d4e7edbac4b6a5e09e1ef3a08084a904621";

    static final String FBCLID = "IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMgk";

    static final HashedIdentifiers IDENTIFIERS = new HashedIdentifiers(EMAIL_GOOGLE, EMAIL_META, PHONE_GOOGLE,
            PHONE_META, FIRST_NAME, LAST_NAME, CITY, POSTAL_CODE, "us");

    private ExportScenario() {
    }

    /** A: every Google click id known (only the gclid may go), an msclkid, consent granted; winter (-08:00). */
    static OutgoingConversion allGoogleClicks(String name) {
        return new OutgoingConversion(1, name, Instant.parse("2017-02-08T21:00:00Z"), new BigDecimal("120.50"),
                "USD", "ORD-1", "evt-1",
                new OutgoingConversion.Clicks("Cj0KCQ-gclid-1", "gbraid-1", "wbraid-1", null, "ms-clk-1"),
                Instant.parse("2017-02-01T18:30:00Z"), HashedIdentifiers.NONE, "GRANTED", "website");
    }

    /** B: only a wbraid, no order id, consent not said; summer (-07:00). */
    static OutgoingConversion onlyWbraid(String name) {
        return new OutgoingConversion(2, name, Instant.parse("2021-10-21T07:05:09Z"), new BigDecimal("40"), "EUR",
                null, null, new OutgoingConversion.Clicks(null, null, "wbraid-2", null, null),
                Instant.parse("2021-10-20T15:00:00Z"), HashedIdentifiers.NONE, null, "website");
    }

    /** C: no click at all, hashed e-mail/phone/name/address; the first hour of daylight saving 2021 (-07:00). */
    static OutgoingConversion onlyIdentifiers(String name) {
        return new OutgoingConversion(3, name, Instant.parse("2021-03-14T18:15:00Z"), new BigDecimal("99.99"),
                "USD", "ORD-3", null, OutgoingConversion.Clicks.NONE, null, IDENTIFIERS, "GRANTED", "phone_call");
    }

    /** D: a Meta click. */
    static OutgoingConversion metaClick(String name) {
        return new OutgoingConversion(4, name, Instant.parse("2021-10-21T07:05:09Z"), new BigDecimal("15.5"),
                "USD", "ORD-4", "evt-4", new OutgoingConversion.Clicks(null, null, null, FBCLID, null),
                Instant.parse("2021-10-20T23:59:59.123Z"), HashedIdentifiers.NONE, null, "website");
    }

    static List<OutgoingConversion> googleRows(String name) {
        return List.of(allGoogleClicks(name), onlyWbraid(name), onlyIdentifiers(name));
    }

    /** A restatement by order id (80.00 instead of 120.50), in winter. */
    static OutgoingAdjustment restatement(String name) {
        return new OutgoingAdjustment(11, name, "ORD-1", "Cj0KCQ-gclid-1", Instant.parse("2017-02-08T21:00:00Z"),
                OutgoingAdjustment.RESTATE, Instant.parse("2017-02-10T17:30:00Z"), new BigDecimal("80.00"), "USD");
    }

    /** A retraction by gclid and conversion time, the day after daylight saving ended 2021. */
    static OutgoingAdjustment retraction(String name) {
        return new OutgoingAdjustment(12, name, null, "Cj0K-2", Instant.parse("2021-10-21T07:05:09Z"),
                OutgoingAdjustment.RETRACT, Instant.parse("2021-11-08T16:00:00Z"), null, null);
    }
}
