package io.tracker.domain.campaign.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Each layout's header and rows, from small samples written after the documented export headers. */
class CostRowReaderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    /** Reads a sample as the importer does: lines before the header skipped, notes skipped, the rest rows. */
    private static List<CostRow> read(String csv, CostLayout wanted) throws Exception {
        List<List<String>> lines = lines(csv);
        CostRowReader reader = null;
        List<CostRow> rows = new ArrayList<>();
        for (List<String> cells : lines) {
            if (reader == null) {
                reader = CostLayout.header(cells, wanted).map(h -> new CostRowReader(h, "USD", TODAY)).orElse(null);
            } else if (!reader.isNote(cells)) {
                rows.add(reader.read(cells));
            }
        }
        assertThat(reader).as("a header line").isNotNull();
        return rows;
    }

    private static List<List<String>> lines(String csv) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        for (CSVRecord r : CSVFormat.DEFAULT.parse(new StringReader(csv))) {
            lines.add(r.toList());
        }
        return lines;
    }

    @Test
    void googleAdsWithTitleLinesTotalsThousandsSeparatorsAndCampaignTypes() throws Exception {
        String csv = """
                Campaign report
                "March 1, 2026 - March 2, 2026"
                Day,Campaign,Campaign type,Currency code,Cost,Clicks,Impr.
                2026-03-01,Brand Search,Search,USD,"1,234.56","1,020","12,345"
                2026-03-01,Display Remarketing,Display,USD,80.10,40,"9,000"
                2026-03-02,Shopping - All,Shopping,USD,0.00,--,0
                Total: Account,--,--,USD,"1,314.66","1,060","21,345"
                Total: Search,--,--,USD,"1,234.56","1,020","12,345"
                """;
        List<CostRow> rows = read(csv, null);
        assertThat(rows).containsExactly(
                new CostRow(LocalDate.of(2026, 3, 1), "Brand Search", "Paid Search", null, new BigDecimal("1234.56"),
                        "USD", 1020L, 12345L),
                new CostRow(LocalDate.of(2026, 3, 1), "Display Remarketing", "Display", null, new BigDecimal("80.10"),
                        "USD", 40L, 9000L),
                new CostRow(LocalDate.of(2026, 3, 2), "Shopping - All", "Paid Search", null, new BigDecimal("0.00"),
                        "USD", null, 0L));
    }

    @Test
    void microsoftAdvertisingWithReportPreambleAndCopyrightLine() throws Exception {
        String csv = """
                "Report Name: Campaign performance"
                "Report Time: 3/1/2026"
                "Time Zone: (GMT-08:00) Pacific Time (US & Canada)"

                "Time period","Campaign name","Currency code","Impressions","Clicks","Spend"
                "3/1/2026","Bing Search","USD","2,500","75","112.40"
                "3/2/2026","Bing Search","USD","2,100","60","98.00"
                "Total","","","4,600","135","210.40"

                "©2026 Microsoft Corporation. All rights reserved. "
                """;
        assertThat(read(csv, null)).containsExactly(
                new CostRow(LocalDate.of(2026, 3, 1), "Bing Search", "Paid Search", null, new BigDecimal("112.40"), "USD",
                        75L, 2500L),
                new CostRow(LocalDate.of(2026, 3, 2), "Bing Search", "Paid Search", null, new BigDecimal("98.00"), "USD",
                        60L, 2100L));
    }

    @Test
    void metaTakesTheCurrencyFromTheAmountSpentHeaderAndSkipsTheSummaryRow() throws Exception {
        String csv = """
                Reporting starts,Reporting ends,Campaign name,Amount spent (USD),Impressions,Link clicks
                2026-03-01,2026-03-02,,210.00,"30,000",600
                2026-03-01,2026-03-01,Spring Sale Retargeting,120.00,"16,000",350
                2026-03-02,2026-03-02,Spring Sale Retargeting,90.00,"14,000",
                """;
        assertThat(read(csv, null)).containsExactly(
                new CostRow(LocalDate.of(2026, 3, 1), "Spring Sale Retargeting", "Paid Social", null,
                        new BigDecimal("120.00"), "USD", 350L, 16000L),
                new CostRow(LocalDate.of(2026, 3, 2), "Spring Sale Retargeting", "Paid Social", null,
                        new BigDecimal("90.00"), "USD", null, 14000L));
        String notDaily = """
                Reporting starts,Reporting ends,Campaign name,Amount spent (USD)
                2026-03-01,2026-03-07,Spring Sale Retargeting,120.00
                """;
        assertThatThrownBy(() -> read(notDaily, null)).isInstanceOf(CostRowException.class)
                .hasMessageContaining("Reporting ends").hasMessageContaining("breakdown by day");
        String euros = """
                Day,Campaign name,Amount spent (EUR)
                2026-03-01,Spring Sale Retargeting,120.00
                """;
        assertThatThrownBy(() -> read(euros, null)).isInstanceOf(CostRowException.class)
                .hasMessageContaining("costs in EUR cannot be used while the reporting currency is USD; convert them first")
                .extracting(e -> ((CostRowException) e).column()).isEqualTo("Amount spent (EUR)");
    }

    @Test
    void plainWithOptionalChannelAndSourceMedium() throws Exception {
        String csv = """
                date,campaign,cost,currency,clicks,impressions,channel,source_medium
                2026-03-01,Weekly Newsletter,25,USD,,,Email,newsletter / email
                2026-03-01,brand,10.5,,3,100,,
                """;
        assertThat(read(csv, null)).containsExactly(
                new CostRow(LocalDate.of(2026, 3, 1), "Weekly Newsletter", "Email", "newsletter / email",
                        new BigDecimal("25"), "USD", null, null),
                new CostRow(LocalDate.of(2026, 3, 1), "brand", null, null, new BigDecimal("10.5"), "USD", 3L, 100L));
    }

    @Test
    void badValuesNameTheirColumn() throws Exception {
        String head = "date,campaign,cost,currency\n";
        assertThat(column(head + "2026-03-01,a,-1,USD\n")).isEqualTo("cost");
        assertThat(column(head + "2026-03-01,a,\"12,50\",USD\n")).isEqualTo("cost");
        assertThat(column(head + "2026-03-01,a,1.1234567,USD\n")).isEqualTo("cost");
        assertThat(column(head + "2026-03-01,,1,USD\n")).isEqualTo("campaign");
        assertThat(column(head + "2026-13-01,a,1,USD\n")).isEqualTo("date");
        assertThat(column(head + "2026-03-12,a,1,USD\n")).as("after tomorrow").isEqualTo("date");
        assertThat(column(head + "2026-03-01,a,1,EUR\n")).isEqualTo("currency");
        assertThat(column(head + "2026-03-01,a,1,XYZ\n")).isEqualTo("currency");
        assertThat(column(head + "2026-03-01,a,1\n")).isNull();
        assertThat(read(head + "Mar 1, 2026,a,1,usd\n".replace("Mar 1, 2026", "\"Mar 1, 2026\""), null))
                .extracting(CostRow::day).containsExactly(LocalDate.of(2026, 3, 1));
    }

    @Test
    void layoutsAreDetectedFromTheHeaderOrNamed() throws Exception {
        assertThat(CostLayout.header(List.of("Day", "Campaign", "Cost"), null).orElseThrow().layout())
                .isEqualTo(CostLayout.GOOGLE_ADS);
        assertThat(CostLayout.header(List.of("date", "campaign", "cost"), null).orElseThrow().layout())
                .isEqualTo(CostLayout.PLAIN);
        assertThat(CostLayout.header(List.of("Date", "Campaign name", "Spend"), null).orElseThrow().layout())
                .isEqualTo(CostLayout.MICROSOFT_ADS);
        assertThat(CostLayout.header(List.of("Day", "Campaign name", "Amount spent (GBP)"), null).orElseThrow())
                .extracting(CostHeader::layout, CostHeader::headerCurrency).containsExactly(CostLayout.META, "GBP");
        assertThat(CostLayout.header(List.of("date", "campaign", "cost"), CostLayout.GOOGLE_ADS).orElseThrow().layout())
                .isEqualTo(CostLayout.GOOGLE_ADS);
        assertThat(CostLayout.header(List.of("Day", "Campaign", "Cost"), CostLayout.META)).isEmpty();
        assertThat(CostLayout.header(List.of("Campaign report"), null)).isEmpty();
        assertThat(CostLayout.parse(" Google_Ads ")).contains(CostLayout.GOOGLE_ADS);
        assertThat(CostLayout.parse("")).isEmpty();
        assertThatThrownBy(() -> CostLayout.parse("tiktok")).hasMessageContaining("google_ads, microsoft_ads, meta, plain");
    }

    private static String column(String csv) throws Exception {
        try {
            read(csv, null);
            return "no error";
        } catch (CostRowException e) {
            return e.column();
        }
    }
}
