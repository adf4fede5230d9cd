package th.go.ita.platform.reports;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfWriter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thai in a PDF must look as Java's own text layout draws it with the same font: each tone mark and
 * vowel where the font's mark positioning puts it. Every word is drawn into a PDF through a Paragraph
 * (the way the reports write text), rasterised with PDFBox, and compared with Java2D's drawing of the
 * same word: the ink's bounding box and the ink itself, aligned at the box's corner.
 */
class ThaiShapingTest {

    static final List<String> WORDS = List.of("ใช้", "ที่", "นั้น", "ผู้ใหญ่", "ปี่", "ฐ", "ญ", "ฎุ", "ผลการประเมิน");

    static final float SIZE = 40;
    static final float SCALE = 3; // 216 dpi

    @Test
    void thaiMarksSitWhereJavasOwnLayoutPutsThem() throws Exception {
        java.awt.Font reference;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("fonts/Laksaman.ttf")) {
            reference = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in).deriveFont(SIZE * SCALE);
        }
        List<String> wrong = new ArrayList<>();
        for (String word : WORDS) {
            Ink pdf = Ink.of(pdfRaster(word));
            Ink java2d = Ink.of(java2dRaster(word, reference));
            double overlap = pdf.overlap(java2d);
            String line = "%s: PDF ink %dx%d, Java2D ink %dx%d, overlap %.2f".formatted(word, pdf.width(), pdf.height(),
                    java2d.width(), java2d.height(), overlap);
            System.out.println(line);
            // A mark out of place changes the box by a mark's height (about a third of the font size) and
            // takes a mark's worth of ink off the overlap; rasterisers differ by a pixel or two at the edges.
            if (Math.abs(pdf.height() - java2d.height()) > 4 || Math.abs(pdf.width() - java2d.width()) > 4 || overlap < 0.8) {
                wrong.add(line);
            }
        }
        assertTrue(wrong.isEmpty(), "Thai drawn unlike Java's layout of the same font: " + wrong);
    }

    private static BufferedImage pdfRaster(String word) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(new Rectangle(400, 120), 20, 20, 20, 20);
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph(word, new Font(ThaiFont.bundled(), SIZE)));
        document.close();
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            return new PDFRenderer(pdf).renderImage(0, SCALE, ImageType.GRAY);
        }
    }

    private static BufferedImage java2dRaster(String word, java.awt.Font font) {
        BufferedImage image = new BufferedImage((int) (400 * SCALE), (int) (120 * SCALE), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setFont(font);
        g.drawString(word, 20 * SCALE, 80 * SCALE);
        g.dispose();
        return image;
    }

    /** The dark pixels of an image, within their bounding box. */
    record Ink(boolean[][] dark, int width, int height) {
        static Ink of(BufferedImage image) {
            int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if (dark(image, x, y)) {
                        minX = Math.min(minX, x);
                        minY = Math.min(minY, y);
                        maxX = Math.max(maxX, x);
                        maxY = Math.max(maxY, y);
                    }
                }
            }
            if (maxX < 0) {
                return new Ink(new boolean[0][0], 0, 0);
            }
            boolean[][] dark = new boolean[maxY - minY + 1][maxX - minX + 1];
            for (int y = minY; y <= maxY; y++) {
                for (int x = minX; x <= maxX; x++) {
                    dark[y - minY][x - minX] = dark(image, x, y);
                }
            }
            return new Ink(dark, maxX - minX + 1, maxY - minY + 1);
        }

        private static boolean dark(BufferedImage image, int x, int y) {
            return (image.getRGB(x, y) & 0xff) < 128;
        }

        /** Shared ink over all ink (intersection over union), both boxes aligned at the top left. */
        double overlap(Ink other) {
            long both = 0, either = 0;
            for (int y = 0; y < Math.max(height, other.height); y++) {
                for (int x = 0; x < Math.max(width, other.width); x++) {
                    boolean a = y < height && x < width && dark[y][x];
                    boolean b = y < other.height && x < other.width && other.dark[y][x];
                    both += a && b ? 1 : 0;
                    either += a || b ? 1 : 0;
                }
            }
            return either == 0 ? 0 : (double) both / either;
        }
    }
}
