package io.tracker.application.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.domain.attribution.AttributionModel;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class AttributionReportCsvTest {

    private static final ReportPeriod SEPTEMBER_7 = new ReportPeriod(LocalDate.parse("2026-09-07"),
            LocalDate.parse("2026-09-07"), ZoneId.of("America/Chicago"));

    @Test
    void aHeaderRowThenOneRowPerReportRowWithPlainDecimalsAndTheTenantsDays() {
        AttributionReport report = new AttributionReport(AttributionModel.LINEAR, SEPTEMBER_7, ReportDimension.CHANNEL,
                List.of(new AttributionRow("Paid Search", "Paid Search", 1.0 / 3 + 1, 30.0),
                        new AttributionRow("Email, weekly", "Email, weekly", 1.0 / 3, 0.1 + 0.2)),
                5.0 / 3, 30.3);

        assertThat(AttributionReportCsv.of(report, "USD")).isEqualTo("""
                from,to,time_zone,model,channel,conversions,revenue,currency,cost,cpa,roas,roi\r
                2026-09-07,2026-09-07,America/Chicago,linear,Paid Search,1.333333,30,USD,,,,\r
                2026-09-07,2026-09-07,America/Chicago,linear,"Email, weekly",0.333333,0.3,USD,,,,\r
                """);
        assertThat(AttributionReportCsv.fileName(report)).isEqualTo("attribution-linear-channel-2026-09-07-2026-09-07.csv");
    }

    @Test
    void conversionActionRowsAddTheActionsNameAndAnEmptyReportIsItsHeader() throws IOException {
        AttributionReport byAction = new AttributionReport(AttributionModel.LAST_TOUCH, SEPTEMBER_7,
                ReportDimension.CONVERSION_ACTION, List.of(new AttributionRow("purchase", "Purchase", 3, 70)), 3, 70);
        AttributionReport empty = new AttributionReport(AttributionModel.LAST_TOUCH, SEPTEMBER_7,
                ReportDimension.CAMPAIGN, List.of(), 0, 0);

        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(AttributionReportCsv.of(byAction, "EUR")))
                .getRecords();
        assertThat(rows.get(0).values()).containsExactly("from", "to", "time_zone", "model", "conversion_action", "name",
                "conversions", "revenue", "currency");
        assertThat(rows.get(1).values()).containsExactly("2026-09-07", "2026-09-07", "America/Chicago", "last_touch",
                "purchase", "Purchase", "3", "70", "EUR");
        assertThat(AttributionReportCsv.of(empty, "EUR"))
                .isEqualTo("from,to,time_zone,model,campaign,conversions,revenue,currency,cost,cpa,roas,roi\r\n");
    }

    @Test
    void costColumnsCarryCostCpaRoasAndRoiAndAreEmptyWithoutCost() {
        // 3 conversions worth 70.00 for 35.00 of cost: CPA 35 / 3 = 11.67, ROAS 70 / 35 = 2, ROI (70 - 35) / 35 = 1;
        // 20.00 spent on a channel without conversions: no CPA, ROAS 0, ROI -1.
        AttributionReport report = new AttributionReport(AttributionModel.LAST_TOUCH, SEPTEMBER_7,
                ReportDimension.CAMPAIGN, List.of(
                new AttributionRow("brand", "brand", 3, 70, CostFigures.of(new java.math.BigDecimal("35.00"), 3, 70)),
                new AttributionRow("", "", 1, 10),
                new AttributionRow("idle", "idle", 0, 0, CostFigures.of(new java.math.BigDecimal("20"), 0, 0))),
                4, 80);
        assertThat(AttributionReportCsv.of(report, "USD")).isEqualTo("""
                from,to,time_zone,model,campaign,conversions,revenue,currency,cost,cpa,roas,roi\r
                2026-09-07,2026-09-07,America/Chicago,last_touch,brand,3,70,USD,35,11.67,2,1\r
                2026-09-07,2026-09-07,America/Chicago,last_touch,,1,10,USD,,,,\r
                2026-09-07,2026-09-07,America/Chicago,last_touch,idle,0,0,USD,20,,0,-1\r
                """);
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(AttributionReportCsv.safe("=HYPERLINK(\"http://evil.example\")")).startsWith("'=");
        assertThat(AttributionReportCsv.safe("+1")).isEqualTo("'+1");
        assertThat(AttributionReportCsv.safe("-20% sale")).isEqualTo("'-20% sale");
        assertThat(AttributionReportCsv.safe("@cmd")).isEqualTo("'@cmd");
        assertThat(AttributionReportCsv.safe("Spring = sale")).isEqualTo("Spring = sale");
        assertThat(AttributionReportCsv.safe("")).isEmpty();
    }
}
