package th.go.ita.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The end of a log file, to show why a component did not start without making people look for it. */
final class LogTail {

    private LogTail() {
    }

    static String of(Path log, int lines) {
        try {
            // Decoded leniently: a log cut mid-character must still be shown.
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
