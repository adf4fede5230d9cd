package th.go.ita.scoring.export;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import th.go.ita.platform.reports.ThaiFont;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A unit's score report as PDF, laid out like the official sheet, in the platform's Thai font.
 */
public final class ScoreReportPdf {

    public record Line(String label, BigDecimal score, boolean strong) {
    }

    private ScoreReportPdf() {
    }

    public static byte[] render(String fontPath, String title, List<String> heading, List<Line> lines,
                                Map<String, String> summary) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BaseFont base = ThaiFont.at(fontPath);
            Font titleFont = new Font(base, 20, Font.BOLD);
            Font normal = new Font(base, 15);
            Font bold = new Font(base, 15, Font.BOLD);
            Document document = new Document(PageSize.A4, 50, 50, 50, 50);
            PdfWriter.getInstance(document, out);
            document.addTitle(title);
            document.open();
            Paragraph head = new Paragraph(title, titleFont);
            head.setAlignment(Element.ALIGN_CENTER);
            document.add(head);
            for (String h : heading) {
                Paragraph p = new Paragraph(h, normal);
                p.setAlignment(Element.ALIGN_CENTER);
                document.add(p);
            }
            document.add(new Paragraph(" ", normal));
            PdfPTable table = new PdfPTable(new float[]{5, 1.4f});
            table.setWidthPercentage(100);
            for (Line line : lines) {
                Font f = line.strong() ? bold : normal;
                table.addCell(new PdfPCell(new Paragraph(line.label(), f)));
                PdfPCell score = new PdfPCell(new Paragraph(line.score() == null ? "–" : line.score().toPlainString(), f));
                score.setHorizontalAlignment(Element.ALIGN_RIGHT);
                table.addCell(score);
            }
            document.add(table);
            document.add(new Paragraph(" ", normal));
            for (Map.Entry<String, String> s : summary.entrySet()) {
                document.add(new Paragraph(s.getKey() + ": " + s.getValue(), bold));
            }
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
