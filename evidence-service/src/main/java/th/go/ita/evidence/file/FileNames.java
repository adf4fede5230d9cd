package th.go.ita.evidence.file;

import java.text.Normalizer;

/** Makes an uploaded file's original name safe to store and to show (Thai letters kept). */
public final class FileNames {

    private FileNames() {
    }

    public static String sanitise(String original) {
        String name = original == null ? "" : original;
        // Browsers on Windows may send the whole path: keep only the last segment.
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        name = name.replaceAll("[^\\p{L}\\p{M}\\p{N} ._()\\-]", "_").strip();
        name = name.replaceAll("^[.\\s]+", "");
        if (name.isEmpty()) {
            name = "file";
        }
        if (name.length() > 200) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, 200 - ext.length()) + ext;
        }
        return name;
    }
}
