package io.tracker.domain.conversion.export;

import static io.tracker.domain.conversion.export.ExportScenario.EMAIL_GOOGLE;
import static io.tracker.domain.conversion.export.ExportScenario.LOS_ANGELES;
import static io.tracker.domain.conversion.export.ExportScenario.PHONE_GOOGLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The import files of the scenario, written out by hand (CRLF line ends, as RFC 4180 and Commons CSV say). */
class ExportFilesTest {

    @Test
    void googleAdsClickConversions() throws IOException {
        StringBuilder out = new StringBuilder();
        GoogleAdsClickConversionsFile.write(ExportScenario.googleRows("Purchase"), LOS_ANGELES, out);

        assertThat(out.toString()).isEqualTo(""
                + "Parameters:TimeZone=America/Los_Angeles\r\n"
                + "Google Click ID,GBRAID,WBRAID,Email,Phone Number,Conversion Name,Conversion Time,"
                + "Conversion Value,Conversion Currency,Order ID,Ad User Data\r\n"
                + "Cj0KCQ-gclid-1,,,,,Purchase,2017-02-08 13:00:00-08:00,120.50,USD,ORD-1,Granted\r\n"
                + ",,wbraid-2,,,Purchase,2021-10-21 00:05:09-07:00,40,EUR,,\r\n"
                + ",,," + EMAIL_GOOGLE + "," + PHONE_GOOGLE
                + ",Purchase,2021-03-14 11:15:00-07:00,99.99,USD,ORD-3,Granted\r\n");
    }

    @Test
    void googleAdsFileLeavesIdentifiersOutWhenConsentIsDenied() throws IOException {
        OutgoingConversion c = ExportScenario.onlyIdentifiers("Lead");
        OutgoingConversion denied = new OutgoingConversion(c.conversionId(), c.platformName(), c.convertedAt(),
                c.value(), c.currency(), null, null, new OutgoingConversion.Clicks("gclid-9", null, null, null, null),
                null, c.identifiers(), "DENIED", null);
        StringBuilder out = new StringBuilder();
        GoogleAdsClickConversionsFile.write(List.of(denied), LOS_ANGELES, out);

        assertThat(out.toString()).endsWith("\r\ngclid-9,,,,,Lead,2021-03-14 11:15:00-07:00,99.99,USD,,Denied\r\n");
    }

    @Test
    void microsoftFileFallsBackToUtcWhenTheRowsHaveTwoOffsets() throws IOException {
        StringBuilder out = new StringBuilder();
        MicrosoftClickConversionsFile.write(List.of(ExportScenario.allGoogleClicks("Purchase"),
                ExportScenario.onlyIdentifiers("Purchase")), LOS_ANGELES, out);

        assertThat(out.toString()).isEqualTo(""
                + "Parameters:TimeZone=+0000\r\n"
                + "Microsoft Click ID,Conversion Name,Conversion Time,Conversion Value,Conversion Currency,"
                + "Hashed Email Address,Hashed Phone Number\r\n"
                + "ms-clk-1,Purchase,2017-02-08 21:00:00,120.50,USD,,\r\n"
                + ",Purchase,2021-03-14 18:15:00," + "99.99,USD," + EMAIL_GOOGLE + "," + PHONE_GOOGLE + "\r\n");
    }

    @Test
    void microsoftFileUsesTheZonesOffsetWhenAllRowsShareIt() throws IOException {
        StringBuilder out = new StringBuilder();
        MicrosoftClickConversionsFile.write(List.of(ExportScenario.allGoogleClicks("Purchase")), LOS_ANGELES, out);

        assertThat(out.toString()).isEqualTo(""
                + "Parameters:TimeZone=-0800\r\n"
                + "Microsoft Click ID,Conversion Name,Conversion Time,Conversion Value,Conversion Currency,"
                + "Hashed Email Address,Hashed Phone Number\r\n"
                + "ms-clk-1,Purchase,2017-02-08 13:00:00,120.50,USD,,\r\n");
    }

    @Test
    void googleAdsAdjustments() throws IOException {
        StringBuilder out = new StringBuilder();
        GoogleAdsAdjustmentsFile.write(List.of(ExportScenario.restatement("Purchase"),
                ExportScenario.retraction("Purchase")), LOS_ANGELES, out);

        assertThat(out.toString()).isEqualTo(""
                + "Parameters:TimeZone=America/Los_Angeles\r\n"
                + "Order ID,Google Click ID,Conversion Name,Conversion Time,Adjustment Time,Adjustment Type,"
                + "Adjusted Value,Adjusted Value Currency\r\n"
                + "ORD-1,,Purchase,,2017-02-10 09:30:00-08:00,RESTATE,80.00,USD\r\n"
                + ",Cj0K-2,Purchase,2021-10-21 00:05:09-07:00,2021-11-08 08:00:00-08:00,RETRACT,,\r\n");
    }

    @Test
    void aValueNeedingQuotesIsQuoted() throws IOException {
        OutgoingConversion a = ExportScenario.allGoogleClicks("Purchase, \"online\"");
        StringBuilder out = new StringBuilder();
        GoogleAdsClickConversionsFile.write(List.of(a), LOS_ANGELES, out);

        assertThat(out.toString()).contains("\r\nCj0KCQ-gclid-1,,,,,\"Purchase, \"\"online\"\"\",2017-02-08 13:00:00-08:00,");
    }
}
