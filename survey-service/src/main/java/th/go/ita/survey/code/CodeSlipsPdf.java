package th.go.ita.survey.code;

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
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import th.go.ita.platform.reports.ThaiFont;
import th.go.ita.survey.print.PrintKit;
import th.go.ita.survey.questionnaire.SurveyTarget;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A fresh batch as slips to cut apart and hand out: six to an A4 page, each the page's full width
 * so that Thai lines (which OpenPDF can break only at spaces) and the typed link rarely wrap. Each carries its code in
 * large monospaced type (the code alphabet has no 0/O or 1/I to confuse) and a QR with the code in
 * the URL fragment, the same link as the CSV, so the code never reaches a server log.
 */
final class CodeSlipsPdf {

    private static final int SLIPS_PER_ROW = 1;
    private static final float SLIP_HEIGHT = 128f;
    private static final float QR_SIZE = 104f;

    private CodeSlipsPdf() {
    }

    static byte[] render(SurveyTarget target, CodeBatch batch) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BaseFont thai = ThaiFont.bundled();
            Font unitFont = new Font(thai, 13, Font.BOLD);
            Font small = new Font(thai, 11);
            Font tiny = new Font(thai, 8, Font.NORMAL, Color.DARK_GRAY);
            Font code = new Font(Font.COURIER, 26, Font.BOLD);
            Document document = new Document(PageSize.A4, 28, 28, 28, 28);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(PrintKit.th("slips.title", target.unit().code));
            document.open();

            String unitName = target.unit().nameTh != null ? target.unit().nameTh : target.unit().code;
            String round = PrintKit.th("slips.round", nameOf(target), fiscalYearOf(target));
            PdfPTable sheet = new PdfPTable(SLIPS_PER_ROW);
            sheet.setWidthPercentage(100);
            for (String each : batch.codes()) {
                String link = batch.surveyUrl() + "#code=" + each;
                Image qr = PrintKit.qr(writer.getDirectContent(), link, QR_SIZE);
                // Tapping the QR in a PDF viewer opens the same link a phone camera would.
                Chunk qrChunk = new Chunk(qr, 0, 0, true);
                qrChunk.setAnchor(link);

                PdfPTable slip = new PdfPTable(new float[]{QR_SIZE, 420});
                slip.setWidthPercentage(100);
                PdfPCell qrCell = new PdfPCell(new Phrase(qrChunk));
                qrCell.setBorder(Rectangle.NO_BORDER);
                qrCell.setVerticalAlignment(Element.ALIGN_MIDDLE);
                slip.addCell(qrCell);

                PdfPCell text = new PdfPCell();
                text.setBorder(Rectangle.NO_BORDER);
                text.addElement(new Paragraph(unitName, unitFont));
                text.addElement(new Paragraph(round, small));
                Paragraph codeLine = new Paragraph(each, code);
                codeLine.setSpacingBefore(2);
                codeLine.setSpacingAfter(4);
                text.addElement(codeLine);
                text.addElement(new Paragraph(PrintKit.th("slips.anonymous"), small));
                text.addElement(new Paragraph(PrintKit.th("slips.typeIt", batch.surveyUrl()), tiny));
                slip.addCell(text);

                PdfPCell cell = new PdfPCell(slip);
                // Fixed, so slips line up for cutting.
                cell.setFixedHeight(SLIP_HEIGHT);
                cell.setPadding(6);
                // Light lines to cut along.
                cell.setBorderColor(Color.LIGHT_GRAY);
                cell.setBorderWidth(0.5f);
                sheet.addCell(cell);
            }
            sheet.completeRow();
            document.add(sheet);
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String nameOf(SurveyTarget target) {
        return target.round().name != null ? target.round().name : target.round().id;
    }

    static String fiscalYearOf(SurveyTarget target) {
        return target.round().fiscalYear != null ? String.valueOf(target.round().fiscalYear) : "–";
    }
}
