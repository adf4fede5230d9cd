package th.go.ita.survey.print;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import io.nayuki.qrcodegen.QrCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What the printable PDFs share: the Thai font, QR codes drawn as vectors, and their texts.
 */
public final class PrintKit {

    /** TLWG Laksaman (fonts/Laksaman-COPYRIGHT.txt): the PDF base fonts have no Thai glyphs. */
    static final String FONT_RESOURCE = "fonts/Laksaman.ttf";
    private static final int QR_BORDER = 4;
    private static volatile byte[] fontBytes;

    private PrintKit() {
    }

    /** A fresh font per document: a BaseFont collects the glyphs one document uses for its subset. */
    public static BaseFont thaiFont() {
        try {
            return BaseFont.createFont("Laksaman.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, fontBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] fontBytes() throws IOException {
        byte[] bytes = fontBytes;
        if (bytes == null) {
            try (InputStream in = PrintKit.class.getClassLoader().getResourceAsStream(FONT_RESOURCE)) {
                if (in == null) {
                    throw new IOException("missing " + FONT_RESOURCE);
                }
                bytes = in.readAllBytes();
            }
            fontBytes = bytes;
        }
        return bytes;
    }

    /**
     * A QR code as vector modules, so it prints sharp at any size and keeps the file small even
     * with hundreds of slips. {@code size} is the side in points, quiet zone included.
     */
    public static Image qr(PdfContentByte canvas, String text, float size) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int modules = qr.size + QR_BORDER * 2;
        float unit = size / modules;
        PdfTemplate template = canvas.createTemplate(size, size);
        template.setRGBColorFill(0, 0, 0);
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    // PDF's y axis points up; the QR's row 0 is its top.
                    template.rectangle((x + QR_BORDER) * unit, size - (y + QR_BORDER + 1) * unit, unit, unit);
                }
            }
        }
        template.fill();
        try {
            return Image.getInstance(template);
        } catch (BadElementException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Texts printed on slips and posters, from {@code messages/print_th|en.properties}. */
    public static String text(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("messages.print", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public static String th(String key, Object... args) {
        return text(Locale.forLanguageTag("th"), key, args);
    }

    public static String en(String key, Object... args) {
        return text(Locale.ENGLISH, key, args);
    }
}
