package th.go.ita.survey.eit;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import th.go.ita.platform.reports.ThaiFont;
import th.go.ita.survey.print.PrintKit;
import th.go.ita.survey.questionnaire.SurveyTarget;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An A4 poster for a service counter or notice board: people who have never heard of ITA scan it,
 * so it says in one line why it matters, and prints the link for those who cannot scan.
 */
final class PosterPdf {

    private static final float QR_SIZE = 320f;

    private PosterPdf() {
    }

    static byte[] render(SurveyTarget target, EitLink link) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BaseFont thai = ThaiFont.bundled();
            String unitName = target.unit().nameTh != null ? target.unit().nameTh : target.unit().code;
            String roundName = target.round().name != null ? target.round().name : target.round().id;
            String fiscalYear = target.round().fiscalYear != null ? String.valueOf(target.round().fiscalYear) : "–";
            Document document = new Document(PageSize.A4, 48, 48, 56, 48);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(PrintKit.th("poster.title", unitName));
            document.open();

            // Headline and unit name apart: OpenPDF breaks Thai lines only at spaces, and a long
            // office name glued to the headline would break mid-word.
            document.add(centred(PrintKit.th("poster.headline"), new Font(thai, 34, Font.BOLD), 0));
            document.add(centred(PrintKit.th("poster.of", unitName), new Font(thai, 22, Font.BOLD), 4));
            document.add(centred(PrintKit.th("poster.why"), new Font(thai, 17), 12));

            Image qr = PrintKit.qr(writer.getDirectContent(), link.url(), QR_SIZE);
            Chunk qrChunk = new Chunk(qr, 0, 0, true);
            qrChunk.setAnchor(link.url());
            Paragraph qrLine = new Paragraph(qrChunk);
            qrLine.setAlignment(Element.ALIGN_CENTER);
            qrLine.setSpacingBefore(18);
            document.add(qrLine);

            document.add(centred(PrintKit.th("poster.scan"), new Font(thai, 16), 12));
            document.add(centred(link.url(), new Font(thai, 18, Font.BOLD), 4));
            document.add(centred(PrintKit.th("poster.round", roundName, fiscalYear),
                    new Font(thai, 12, Font.NORMAL, Color.DARK_GRAY), 18));
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Paragraph centred(String text, Font font, float spacingBefore) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingBefore(spacingBefore);
        return paragraph;
    }
}
