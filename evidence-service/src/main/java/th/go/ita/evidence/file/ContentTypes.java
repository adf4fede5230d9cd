package th.go.ita.evidence.file;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Detects what a file is from its bytes. The name only refines a container format the bytes
 * already show (a .docx is a ZIP): an .exe renamed .pdf is still detected as a program.
 */
@ApplicationScoped
public class ContentTypes {

    private static final Set<String> PROGRAMS = Set.of("application/x-msdownload", "application/x-dosexec",
            "application/x-executable", "application/x-elf", "application/x-sharedlib", "application/x-mach-o",
            "application/x-mach-o-executable", "application/java-archive", "application/x-sh",
            "application/x-bat", "application/x-msdos-program", "application/vnd.microsoft.portable-executable");

    private final Tika tika = new Tika();

    public String detect(Path file, String name) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        try (TikaInputStream in = TikaInputStream.get(file)) {
            MediaType type = tika.getDetector().detect(in, metadata);
            return type.getBaseType().toString();
        }
    }

    public boolean isProgram(String contentType) {
        return PROGRAMS.contains(contentType) || contentType.startsWith("application/x-msdownload");
    }
}
