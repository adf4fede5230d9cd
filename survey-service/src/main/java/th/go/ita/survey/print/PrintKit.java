package th.go.ita.survey.print;

import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfContentByte;
import th.go.ita.platform.reports.PdfQr;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What the printable PDFs share: QR codes and their texts (the shaped Thai font is the platform's
 * {@link th.go.ita.platform.reports.ThaiFont}).
 */
public final class PrintKit {

    private PrintKit() {
    }

    /** The platform's vector QR code ({@link PdfQr}), {@code size} points square with its quiet zone. */
    public static Image qr(PdfContentByte canvas, String text, float size) {
        return PdfQr.of(canvas, text, size);
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
