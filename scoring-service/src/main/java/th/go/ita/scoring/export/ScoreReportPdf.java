package th.go.ita.scoring.export;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import th.go.ita.platform.reports.PdfQr;
import th.go.ita.platform.reports.ThaiFont;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A unit's score report as an office files it: who and which year, under which framework edition, the
 * total and rating with why the rating is what it is, the ten indicators as a chart against the pass
 * line and as the official sheet's table, the date in the Buddhist era and a QR code to the public
 * result page, in the platform's shaped Thai font.
 */
public final class ScoreReportPdf {

    /** A row of the sheet: an indicator, or an instrument's weighted share ({@code strong}). */
    public record Line(String label, BigDecimal score, boolean strong) {
    }

    /** An indicator of the chart. */
    public record Bar(String code, BigDecimal score) {
    }

    public record Report(String unitCode, String unitNameTh, int fiscalYear, String framework, String status,
                         List<Bar> bars, List<Line> lines, BigDecimal total, String rating, boolean passed,
                         BigDecimal passMark, String ratingExplained, String publicUrl, LocalDate issuedOn) {
    }

    static final DateTimeFormatter THAI_DATE = DateTimeFormatter.ofPattern("d MMMM 'พ.ศ.' yyyy", Locale.forLanguageTag("th-TH"))
            .withChronology(ThaiBuddhistChronology.INSTANCE);

    private static final Color NAVY = new Color(0x1f, 0x3a, 0x5f);
    private static final Color PASS = new Color(0x2e, 0x7d, 0x32);
    private static final Color SHORT = new Color(0xc6, 0x28, 0x28);
    private static final Color RULE = new Color(0xb0, 0xb8, 0xc4);
    private static final Color SHADE = new Color(0xee, 0xf2, 0xf7);

    private ScoreReportPdf() {
    }

    /** "7 ธันวาคม พ.ศ. 2569". */
    public static String thaiDate(LocalDate date) {
        return THAI_DATE.format(date);
    }

    public static byte[] render(String fontPath, Report r) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BaseFont base = ThaiFont.at(fontPath);
            Font title = new Font(base, 16, Font.BOLD, NAVY);
            Font normal = new Font(base, 11.5f);
            Font small = new Font(base, 10, Font.NORMAL, Color.DARK_GRAY);
            Font bold = new Font(base, 11.5f, Font.BOLD);
            Font big = new Font(base, 22, Font.BOLD, NAVY);
            Document document = new Document(PageSize.A4, 42, 42, 30, 28);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle("ผลการประเมิน ITA " + r.unitNameTh() + " ปีงบประมาณ พ.ศ. " + r.fiscalYear());
            document.addSubject(r.publicUrl());
            document.open();

            // Heading: the report's subject on the left, the QR to the public page on the right.
            PdfPTable head = new PdfPTable(new float[]{5, 1.25f});
            head.setWidthPercentage(100);
            PdfPCell words = borderless();
            // Broken by hand where a reader would: Thai has no spaces between words to break at.
            words.addElement(paragraph("รายงานผลการประเมินคุณธรรมและความโปร่งใส", title, 0));
            words.addElement(paragraph("ในการดำเนินงานของหน่วยงานภาครัฐ (ITA)", title, 0));
            words.addElement(paragraph("ปีงบประมาณ พ.ศ. " + r.fiscalYear(), title, 0));
            words.addElement(labelled("หน่วยงาน", r.unitNameTh() + " (" + r.unitCode() + ")", bold, normal));
            words.addElement(labelled("กรอบการประเมิน", r.framework(), bold, normal));
            words.addElement(labelled("ที่มาของผล", r.status(), bold, normal));
            head.addCell(words);
            PdfPCell qr = borderless();
            Image code = PdfQr.of(writer.getDirectContent(), r.publicUrl(), 78);
            code.setAlignment(Element.ALIGN_CENTER);
            qr.addElement(code);
            Paragraph scan = paragraph("สแกนเพื่อดูผลที่เปิดเผยต่อสาธารณะ", small, 0);
            scan.setAlignment(Element.ALIGN_CENTER);
            qr.addElement(scan);
            head.addCell(qr);
            document.add(head);
            document.add(rule(writer));

            // The result at a glance.
            PdfPTable glance = new PdfPTable(3);
            glance.setWidthPercentage(100);
            glance.setSpacingBefore(6);
            glance.addCell(figure("คะแนนรวม", r.total() == null ? "–" : r.total().toPlainString(), normal, big));
            glance.addCell(figure("ระดับผลการประเมิน", r.rating(), normal, big));
            glance.addCell(figure("ผลเทียบเกณฑ์" + (r.passMark() == null ? "" : " " + r.passMark().stripTrailingZeros().toPlainString() + " คะแนน"),
                    r.passed() ? "ผ่านเกณฑ์" : "ไม่ผ่านเกณฑ์", normal, new Font(base, 22, Font.BOLD, r.passed() ? PASS : SHORT)));
            document.add(glance);
            Paragraph why = new Paragraph();
            why.setSpacingBefore(6);
            why.add(new Chunk("เหตุผลของระดับผล: ", bold));
            why.add(new Chunk(r.ratingExplained(), normal));
            document.add(why);

            if (!r.bars().isEmpty()) {
                document.add(paragraph("คะแนนรายตัวชี้วัดเทียบกับเกณฑ์ผ่าน", bold, 4));
                document.add(chart(writer, base, r.bars(), r.passMark()));
            }

            if (!r.lines().isEmpty()) {
                PdfPTable table = new PdfPTable(new float[]{5, 1.2f});
                table.setWidthPercentage(100);
                table.setSpacingBefore(4);
                table.setHeaderRows(1);
                table.addCell(headerCell("ตัวชี้วัด / เครื่องมือ (น้ำหนัก)", bold, Element.ALIGN_LEFT));
                table.addCell(headerCell("คะแนน", bold, Element.ALIGN_RIGHT));
                for (Line line : r.lines()) {
                    Font f = line.strong() ? bold : normal;
                    PdfPCell label = cell(line.label(), f, Element.ALIGN_LEFT);
                    PdfPCell score = cell(line.score() == null ? "–" : line.score().toPlainString(), f, Element.ALIGN_RIGHT);
                    if (line.strong()) {
                        label.setBackgroundColor(SHADE);
                        score.setBackgroundColor(SHADE);
                    }
                    table.addCell(label);
                    table.addCell(score);
                }
                document.add(table);
            }

            Paragraph issued = paragraph("ออกรายงานเมื่อ " + thaiDate(r.issuedOn())
                    + " จากระบบ ITA Online  ตรวจสอบผลได้ที่ " + r.publicUrl(), small, 4);
            document.add(issued);
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Horizontal bars, one per indicator, on a 0–100 scale with the pass line drawn across them: green at
     * or above the line, red below, each bar with its score. Drawn as vectors, so it prints sharp.
     */
    static Image chart(PdfWriter writer, BaseFont font, List<Bar> bars, BigDecimal passMark) {
        float width = 511;
        float row = 14.5f;
        float labelWidth = 62;
        float right = 40;
        float top = 14;
        float axis = 18;
        float height = top + bars.size() * row + axis;
        float plot = width - labelWidth - right;
        PdfTemplate t = writer.getDirectContent().createTemplate(width, height);
        float y0 = axis;
        // Grid every 10 points.
        t.setLineWidth(0.4f);
        t.setColorStroke(RULE);
        for (int v = 0; v <= 100; v += 10) {
            float x = labelWidth + plot * v / 100;
            t.moveTo(x, y0);
            t.lineTo(x, height - top + 2);
        }
        t.stroke();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            float y = height - top - (i + 1) * row;
            float score = bar.score() == null ? 0 : bar.score().floatValue();
            boolean passes = passMark == null || (bar.score() != null && bar.score().compareTo(passMark) >= 0);
            t.setColorFill(passes ? PASS : SHORT);
            t.rectangle(labelWidth, y + 2.5f, plot * Math.max(0, Math.min(100, score)) / 100, row - 5);
            t.fill();
            text(t, font, 10, Color.BLACK, "ตัวชี้วัด " + bar.code(), 4, y + 4, PdfContentByte.ALIGN_LEFT);
            text(t, font, 10, Color.BLACK, bar.score() == null ? "–" : bar.score().toPlainString(),
                    labelWidth + plot * Math.max(0, Math.min(100, score)) / 100 + 3, y + 4, PdfContentByte.ALIGN_LEFT);
        }
        for (int v = 0; v <= 100; v += 20) {
            text(t, font, 9, Color.DARK_GRAY, String.valueOf(v), labelWidth + plot * v / 100, 5, PdfContentByte.ALIGN_CENTER);
        }
        if (passMark != null) {
            float x = labelWidth + plot * passMark.floatValue() / 100;
            t.setColorStroke(NAVY);
            t.setLineWidth(1.2f);
            t.setLineDash(4, 2, 0);
            t.moveTo(x, y0 - 2);
            t.lineTo(x, height - top + 5);
            t.stroke();
            t.setLineDash(0);
            text(t, font, 9, NAVY, "เกณฑ์ผ่าน " + passMark.stripTrailingZeros().toPlainString(), x, height - top + 6, PdfContentByte.ALIGN_CENTER);
        }
        try {
            Image image = Image.getInstance(t);
            image.setAlignment(Element.ALIGN_CENTER);
            return image;
        } catch (BadElementException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void text(PdfTemplate t, BaseFont font, float size, Color color, String text, float x, float y, int align) {
        t.beginText();
        t.setColorFill(color);
        t.setFontAndSize(font, size);
        t.showTextAligned(align, text, x, y, 0);
        t.endText();
    }

    private static Paragraph paragraph(String text, Font font, float spacingBefore) {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingBefore(spacingBefore);
        return p;
    }

    private static Paragraph labelled(String label, String value, Font bold, Font normal) {
        Paragraph p = new Paragraph();
        p.add(new Chunk(label + ": ", bold));
        p.add(new Chunk(value, normal));
        return p;
    }

    private static PdfPCell borderless() {
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.NO_BORDER);
        return c;
    }

    private static PdfPCell figure(String label, String value, Font labelFont, Font valueFont) {
        PdfPCell c = new PdfPCell();
        c.setBorderColor(RULE);
        c.setBackgroundColor(SHADE);
        c.setPaddingBottom(8);
        Paragraph l = new Paragraph(label, labelFont);
        l.setAlignment(Element.ALIGN_CENTER);
        Paragraph v = new Paragraph(value, valueFont);
        v.setAlignment(Element.ALIGN_CENTER);
        c.addElement(l);
        c.addElement(v);
        return c;
    }

    private static PdfPCell headerCell(String text, Font font, int align) {
        PdfPCell c = cell(text, new Font(font.getBaseFont(), font.getSize(), Font.BOLD, Color.WHITE), align);
        c.setBackgroundColor(NAVY);
        return c;
    }

    // Padding below the text keeps lower vowels (ุ ู) and descenders off the cell's rule.
    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setHorizontalAlignment(align);
        c.setBorderColor(RULE);
        c.setPaddingTop(0.5f);
        c.setPaddingBottom(4.5f);
        c.setPaddingLeft(5);
        c.setPaddingRight(5);
        return c;
    }

    private static Paragraph rule(PdfWriter writer) {
        Paragraph p = new Paragraph();
        p.add(new Chunk(new com.lowagie.text.pdf.draw.LineSeparator(1, 100, NAVY, Element.ALIGN_CENTER, -4)));
        return p;
    }
}
