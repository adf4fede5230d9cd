package th.go.ita.platform.reports;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.LayoutProcessor;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The font every PDF embeds: the PDF base fonts have no Thai glyphs. TLWG Laksaman ships in this
 * library ({@code fonts/Laksaman-COPYRIGHT.txt}), so reports print the same on any machine; an
 * operator may name another TrueType file.
 * <p>
 * Thai is shaped: a PDF only places glyphs, and without shaping every tone mark and upper vowel sits
 * where the font draws it by default (the tone mark of "ใช้" under ช, marks through table rules). OpenPDF's
 * {@link LayoutProcessor} lays each run out with Java's own text layout (the font's mark positioning
 * and substitutions) and writes the glyphs where that puts them. It is enabled here, once for the JVM,
 * so every PDF that takes its font from this class is shaped alike.
 */
public final class ThaiFont {

    public static final String BUNDLED = "classpath:fonts/Laksaman.ttf";

    /** One font per location: OpenPDF keeps the glyphs a document used per document, not in the font. */
    private static final Map<String, BaseFont> LOADED = new ConcurrentHashMap<>();

    static {
        // enable(), not enableKernLiga(): the latter refuses a second call, and kerning changes no Thai mark.
        LayoutProcessor.enable();
        // Shaped glyphs do not map back to the text one to one (สำ becomes two glyphs, marks are placed
        // apart): each run also carries its text (/ActualText), so copying and searching find the words.
        LayoutProcessor.setWriteActualText();
    }

    private ThaiFont() {
    }

    public static BaseFont bundled() {
        return at(BUNDLED);
    }

    /** The font at {@code classpath:...} or a file path, read once and shaped by Java's layout. */
    public static BaseFont at(String location) {
        return LOADED.computeIfAbsent(location, ThaiFont::load);
    }

    private static BaseFont load(String location) {
        try {
            // The layout processor reads the font again by name and knows files and URLs, not this
            // class's resources (whose URLs differ between a test, a jar and Quarkus' class loader).
            Path file = location.startsWith("classpath:") ? copied(location) : Path.of(location);
            return BaseFont.createFont(file.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    Files.readAllBytes(file), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copied(String location) throws IOException {
        String resource = location.substring("classpath:".length());
        try (InputStream in = ThaiFont.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new FileNotFoundException(location);
            }
            Path file = Files.createTempFile("ita-font-", "-" + resource.substring(resource.lastIndexOf('/') + 1));
            file.toFile().deleteOnExit();
            Files.write(file, in.readAllBytes());
            return file;
        }
    }
}
