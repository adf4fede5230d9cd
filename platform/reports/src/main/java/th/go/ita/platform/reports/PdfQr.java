package th.go.ita.platform.reports;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import io.nayuki.qrcodegen.QrCode;

/** QR codes in PDFs (code slips, posters, score reports), drawn alike everywhere. */
public final class PdfQr {

    private static final int QR_BORDER = 4;

    private PdfQr() {
    }

    /**
     * A QR code as vector modules, so it prints sharp at any size and keeps the file small even
     * with hundreds of slips. {@code size} is the side in points, quiet zone included.
     */
    public static Image of(PdfContentByte canvas, String text, float size) {
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
}
