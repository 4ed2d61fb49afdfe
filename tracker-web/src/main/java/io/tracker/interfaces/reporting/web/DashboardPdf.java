package io.tracker.interfaces.reporting.web;

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
import io.tracker.interfaces.shared.web.Formats;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The dashboard's PDF summary, written with OpenPDF: the client's name, the period (and what it is compared with),
 * the KPIs with their change, and the attribution table of the view, figures formatted as on the page. Standard
 * PDF fonts (Helvetica, WinAnsi): a minus is written "-" there, as U+2212 is not in that encoding.
 */
final class DashboardPdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font MUTED = FontFactory.getFont(FontFactory.HELVETICA, 8, Color.GRAY);
    private static final Color HEADER = new Color(238, 242, 255);

    private DashboardPdf() {
    }

    /** What the summary shows. */
    record Summary(String client, DashboardState state, String timeZone, String currency, Headline headline,
                   Headline previous, String modelLabel, String dimensionLabel, List<AttributionLine> lines,
                   double totalConversions, double totalRevenue) {
    }

    static byte[] write(Summary s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Tracker summary: " + s.client());
            document.open();
            document.add(new Paragraph(s.client(), TITLE));
            String compared = s.previous() == null ? "" : "; changes " + s.state().comparison().against();
            document.add(new Paragraph(s.state().from() + " to " + s.state().to() + " (" + s.timeZone()
                    + ", both days included); amounts in " + s.currency() + compared + ".", MUTED));
            document.add(new Paragraph(" ", BODY));
            document.add(kpis(s));
            document.add(new Paragraph(" ", BODY));
            document.add(new Paragraph("Attribution by " + s.dimensionLabel().toLowerCase() + " (" + s.modelLabel()
                    + ")", HEADING));
            document.add(new Paragraph(" ", MUTED));
            document.add(attribution(s));
            document.add(new Paragraph(" ", BODY));
            document.add(new Paragraph("Made with Tracker. Conversions are credited by the " + s.modelLabel()
                    .toLowerCase() + " model; the report API gives the same figures for the same query.", MUTED));
        } catch (DocumentException e) {
            throw new IllegalStateException("writing the PDF summary failed: " + e.getMessage(), e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static PdfPTable kpis(Summary s) throws DocumentException {
        Headline h = s.headline();
        Headline p = s.previous();
        PdfPTable table = new PdfPTable(new float[] {3, 2, 2});
        table.setWidthPercentage(70);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        header(table, "Figure", "This period", "Change");
        row(table, "Visits", Formats.count(h.visits()), change(h.visits(), p == null ? null : (double) p.visits()));
        row(table, "Macro conversions", Formats.count(h.conversions()),
                change(h.conversions(), p == null ? null : (double) p.conversions()));
        row(table, "Micro conversions", Formats.count(h.microConversions()),
                change(h.microConversions(), p == null ? null : (double) p.microConversions()));
        row(table, "Conversion rate", Formats.percent(h.conversionRate()),
                change(h.conversionRate(), p == null ? null : p.conversionRate()));
        row(table, "Revenue", Formats.money(h.revenue(), s.currency()),
                change(h.revenue(), p == null ? null : p.revenue()));
        row(table, "Calls", Formats.count(h.calls()), change(h.calls(), p == null ? null : (double) p.calls()));
        return table;
    }

    private static PdfPTable attribution(Summary s) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {5, 2, 2, 2});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        header(table, s.dimensionLabel(), "Conversions", "Revenue", "Share");
        for (AttributionLine line : s.lines()) {
            row(table, line.getName(), Formats.credits(line.getConversions()),
                    Formats.money(line.getRevenue(), s.currency()), Formats.percent(line.getShare()));
        }
        row(table, "Total", Formats.credits(s.totalConversions()), Formats.money(s.totalRevenue(), s.currency()),
                Formats.percent(s.lines().isEmpty() ? 0 : 1));
        return table;
    }

    private static String change(double now, Double before) {
        return pdfText(Formats.change(Headline.change(now, before)));
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
