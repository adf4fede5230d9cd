package th.go.ita.platform.reports;

import com.lowagie.text.pdf.BaseFont;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The font every PDF embeds: the PDF base fonts have no Thai glyphs. TLWG Laksaman ships in this
 * library ({@code fonts/Laksaman-COPYRIGHT.txt}), so reports print the same on any machine; an
 * operator may name another TrueType file.
 */
public final class ThaiFont {

    public static final String BUNDLED = "classpath:fonts/Laksaman.ttf";

    private static final Map<String, byte[]> LOADED = new ConcurrentHashMap<>();

    private ThaiFont() {
    }

    public static BaseFont bundled() {
        return at(BUNDLED);
    }

    /**
     * A fresh font for one document (a BaseFont collects the glyphs its document uses for the
     * embedded subset), from {@code classpath:...} or a file path; the file is read once.
     */
    public static BaseFont at(String location) {
        try {
            byte[] bytes = LOADED.computeIfAbsent(location, ThaiFont::read);
            return BaseFont.createFont(location.substring(location.lastIndexOf('/') + 1), BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, true, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String location) {
        try {
            if (location.startsWith("classpath:")) {
                String resource = location.substring("classpath:".length());
                try (InputStream in = ThaiFont.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new FileNotFoundException(location);
                    }
                    return in.readAllBytes();
                }
            }
            return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(location));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
