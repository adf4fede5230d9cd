package th.go.ita.platform.testing;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PRTokeniser;
import com.lowagie.text.pdf.PdfContentParser;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;

/**
 * The text of a PDF as a reader copies or searches it. Thai is shaped ({@code ThaiFont}), so glyphs no
 * longer map back to letters one to one (สำ is two glyphs, marks are placed apart); every shaped run
 * carries its words as {@code /ActualText}, and that is what this reads: one line per run.
 */
public final class PdfText {

    private static final PdfName ACTUAL_TEXT = new PdfName("ActualText");

    private PdfText() {
    }

    /** The text of page {@code page} (from 1), then that of the drawings it places (form XObjects: charts, QR codes). */
    public static String of(PdfReader reader, int page) {
        try {
            StringBuilder text = new StringBuilder();
            spans(reader.getPageContent(page), text);
            forms(reader, reader.getPageN(page).getAsDict(PdfName.RESOURCES), text, 0);
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void forms(PdfReader reader, PdfDictionary resources, StringBuilder text, int depth) throws IOException {
        PdfDictionary xobjects = resources == null ? null : resources.getAsDict(PdfName.XOBJECT);
        if (xobjects == null || depth > 8) {
            return;
        }
        for (PdfName name : xobjects.getKeys()) {
            PdfObject object = PdfReader.getPdfObject(xobjects.get(name));
            if (object instanceof PRStream form && PdfName.FORM.equals(form.getAsName(PdfName.SUBTYPE))) {
                spans(PdfReader.getStreamBytes(form), text);
                forms(reader, form.getAsDict(PdfName.RESOURCES), text, depth + 1);
            }
        }
    }

    private static void spans(byte[] content, StringBuilder text) throws IOException {
        PdfContentParser parser = new PdfContentParser(new PRTokeniser(content));
        ArrayList<PdfObject> operands = new ArrayList<>();
        while (!parser.parse(operands).isEmpty()) {
            if ("BDC".equals(operands.get(operands.size() - 1).toString()) && operands.size() >= 3
                    && operands.get(1) instanceof PdfDictionary span) {
                PdfString actual = span.getAsString(ACTUAL_TEXT);
                if (actual != null) {
                    text.append(actual.toUnicodeString()).append('\n');
                }
            }
        }
    }

    /** The text of every page, page after page. */
    public static String of(byte[] pdf) {
        try {
            PdfReader reader = new PdfReader(pdf);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(of(reader, page));
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
