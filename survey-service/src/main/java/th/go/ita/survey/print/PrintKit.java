package th.go.ita.survey.print;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import io.nayuki.qrcodegen.QrCode;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What the printable PDFs share: QR codes drawn as vectors, and their texts (the Thai font is
 * the platform's {@link th.go.ita.platform.reports.ThaiFont}).
 */
public final class PrintKit {

    private static final int QR_BORDER = 4;

    private PrintKit() {
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
