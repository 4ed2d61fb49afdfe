package io.tracker.application.reporting;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.tracker.application.reporting.ClientSummary.SummaryKpis;
import io.tracker.application.reporting.ClientSummary.SummaryLine;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;

/**
 * The one-page PDF summary of a client ({@link ClientSummary}), written with OpenPDF: the client's name, the period
 * (and what it is compared with), the KPIs with their change, and the attribution table, figures formatted as on the
 * dashboard ({@link NumberFormats}). The dashboard's "PDF summary" button and the scheduled e-mails attach the same
 * document. Standard PDF fonts (Helvetica, WinAnsi): a minus is written "-" there, as U+2212 is not in that encoding.
 */
public final class SummaryPdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font MUTED = FontFactory.getFont(FontFactory.HELVETICA, 8, Color.GRAY);
    private static final Color HEADER = new Color(238, 242, 255);

    public static final String MEDIA_TYPE = "application/pdf";

    private SummaryPdf() {
    }

    /**
     * The attachment's file name: {@code summary-<client>-<from>-<to>.pdf}, the client's name lower-cased with every
     * run of characters other than a–z and 0–9 made one {@code -} ({@code "Demo Coffee Roasters"} →
     * {@code summary-demo-coffee-roasters-2026-11-01-2026-11-30.pdf}).
     */
    public static String fileName(String client, LocalDate from, LocalDate to) {
        String slug = client.toLowerCase(NumberFormats.LOCALE).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "summary-" + (slug.isEmpty() ? "client" : slug) + "-" + from + "-" + to + ".pdf";
    }

    /** The PDF's bytes. */
    public static byte[] write(ClientSummary s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Tracker summary: " + s.client());
            document.open();
            document.add(new Paragraph(s.client(), TITLE));
            String compared = s.previous() == null ? "" : "; changes " + s.comparedAgainst();
            document.add(new Paragraph(s.from() + " to " + s.to() + " (" + s.timeZone()
                    + ", both days included); amounts in " + s.currency() + compared + ".", MUTED));
            document.add(new Paragraph(" ", BODY));
            document.add(kpis(s));
            document.add(new Paragraph(" ", BODY));
            String dimension = ReportLabels.DIMENSIONS.get(s.dimension());
            String model = ReportLabels.MODELS.get(s.model());
            document.add(new Paragraph("Attribution by " + dimension.toLowerCase(NumberFormats.LOCALE) + " (" + model
                    + ")", HEADING));
            document.add(new Paragraph(" ", MUTED));
            document.add(attribution(s, dimension));
            document.add(new Paragraph(" ", BODY));
            document.add(new Paragraph("Made with Tracker. Conversions are credited by the "
                    + model.toLowerCase(NumberFormats.LOCALE) + " model; the report API gives the same figures for "
                    + "the same query.", MUTED));
        } catch (DocumentException e) {
            throw new IllegalStateException("writing the PDF summary failed: " + e.getMessage(), e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static PdfPTable kpis(ClientSummary s) throws DocumentException {
        SummaryKpis h = s.current();
        SummaryKpis p = s.previous();
        PdfPTable table = new PdfPTable(new float[] {3, 2, 2});
        table.setWidthPercentage(70);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        header(table, "Figure", "This period", "Change");
        row(table, "Visits", NumberFormats.count(h.visits()),
                change(h.visits(), p == null ? null : (double) p.visits()));
        row(table, "Macro conversions", NumberFormats.count(h.conversions()),
                change(h.conversions(), p == null ? null : (double) p.conversions()));
        row(table, "Micro conversions", NumberFormats.count(h.microConversions()),
                change(h.microConversions(), p == null ? null : (double) p.microConversions()));
        row(table, "Conversion rate", NumberFormats.percent(h.conversionRate()),
                change(h.conversionRate(), p == null ? null : p.conversionRate()));
        row(table, "Revenue", NumberFormats.money(h.revenue(), s.currency()),
                change(h.revenue(), p == null ? null : p.revenue()));
        row(table, "Calls", NumberFormats.count(h.calls()), change(h.calls(), p == null ? null : (double) p.calls()));
        return table;
    }

    private static PdfPTable attribution(ClientSummary s, String dimension) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {5, 2, 2, 2});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        header(table, dimension, "Conversions", "Revenue", "Share");
        for (SummaryLine line : s.lines()) {
            row(table, line.name(), NumberFormats.credits(line.conversions()),
                    NumberFormats.money(line.revenue(), s.currency()), NumberFormats.percent(line.share()));
        }
        row(table, "Total", NumberFormats.credits(s.totalConversions()),
                NumberFormats.money(s.totalRevenue(), s.currency()), NumberFormats.percent(s.lines().isEmpty() ? 0 : 1));
        return table;
    }

    private static String change(double now, Double before) {
        return pdfText(NumberFormats.change(SummaryKpis.change(now, before)));
    }

    /** Helvetica's WinAnsi encoding has no arrows, U+2212 or em dash; PDF readers would show nothing. */
    private static String pdfText(String text) {
        return text.replace("\u25b2 ", "+").replace("\u25bc ", "-").replace("= ", "").replace('\u2212', '-')
                .replace("\u2014", "-");
    }

    private static void header(PdfPTable table, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            PdfPCell cell = new PdfPCell(new Phrase(cells[i], HEADING));
            cell.setBackgroundColor(HEADER);
            cell.setHorizontalAlignment(i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            cell.setPadding(4);
            table.addCell(cell);
        }
    }

    private static void row(PdfPTable table, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            PdfPCell cell = new PdfPCell(new Phrase(pdfText(cells[i]), BODY));
            cell.setHorizontalAlignment(i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            cell.setPadding(4);
            table.addCell(cell);
        }
    }
}
