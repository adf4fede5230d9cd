package th.go.ita.platform.reports;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvAndDownloadTest {

    @Test
    void aShippedCsvReadsWithQuotedCommasQuotesAndLineBreaksAndWithoutItsHeaderOrBlankLines() {
        assertEquals(List.of(
                List.of("A_1", "โรงเรียน, สาขา \"หนึ่ง\""),
                List.of("B2", "สอง\nบรรทัด")), Csv.resourceRows("sample.csv"));
    }

    @Test
    void whatATableWritesAsCsvReadsBackCellForCell() {
        Table table = new Table("t", List.of("a", "b"),
                List.of(List.of("=1+1", "มี \"คำพูด\", และจุลภาค"), List.of("-5", "บรรทัด\r\nใหม่")));
        List<List<String>> read = Csv.parse(new String(table.csv(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of("a", "b"), read.get(0));
        assertEquals("=1+1", Table.fromCsvText(read.get(1).get(0)));
        assertEquals("มี \"คำพูด\", และจุลภาค", read.get(1).get(1));
        assertEquals("-5", Table.fromCsvText(read.get(2).get(0)));
        assertEquals("บรรทัด\r\nใหม่", read.get(2).get(1));
    }

    @Test
    void aThaiFileNameReachesTheBrowserIntactWithAnAsciiFallback() {
        try (Response response = Download.file(Response.ok(new byte[0]), "หลักฐาน O2 \"ฉบับจริง\".pdf").build()) {
            assertEquals("attachment; filename=\"________O2___________.pdf\"; filename*=UTF-8''"
                            + "%E0%B8%AB%E0%B8%A5%E0%B8%B1%E0%B8%81%E0%B8%90%E0%B8%B2%E0%B8%99%20O2%20%22"
                            + "%E0%B8%89%E0%B8%9A%E0%B8%B1%E0%B8%9A%E0%B8%88%E0%B8%A3%E0%B8%B4%E0%B8%87%22.pdf",
                    response.getHeaderString("Content-Disposition"));
        }
    }

    @Test
    void anUnknownTableFormatIsTheCallersMistake() {
        assertThrows(th.go.ita.platform.problem.ProblemException.class,
                () -> Download.table(new Table("t", List.of("a"), List.of()), "x", "pdf"));
    }

    @Test
    void theBundledFontPrintsThaiThatReadsBack() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph("สำนักงานเขตพื้นที่การศึกษา", new Font(ThaiFont.bundled(), 14)));
        document.close();
        PdfReader reader = new PdfReader(out.toByteArray());
        // Shaped runs draw glyphs (สำ as two, marks placed apart), so what copying and searching read is
        // each run's /ActualText: the words as written.
        StringBuilder text = new StringBuilder();
        com.lowagie.text.pdf.PdfContentParser parser = new com.lowagie.text.pdf.PdfContentParser(
                new com.lowagie.text.pdf.PRTokeniser(reader.getPageContent(1)));
        java.util.ArrayList<com.lowagie.text.pdf.PdfObject> operands = new java.util.ArrayList<>();
        while (!parser.parse(operands).isEmpty()) {
            if ("BDC".equals(operands.get(operands.size() - 1).toString())
                    && operands.get(1) instanceof com.lowagie.text.pdf.PdfDictionary span
                    && span.getAsString(new com.lowagie.text.pdf.PdfName("ActualText")) != null) {
                text.append(span.getAsString(new com.lowagie.text.pdf.PdfName("ActualText")).toUnicodeString());
            }
        }
        assertEquals("สำนักงานเขตพื้นที่การศึกษา", text.toString());
        assertThrows(UncheckedIOException.class, () -> ThaiFont.at("/nonexistent/font.ttf"));
    }
}
