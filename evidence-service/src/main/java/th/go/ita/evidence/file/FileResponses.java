package th.go.ita.evidence.file;

import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A stored file as a download, with its original (sanitised) name in UTF-8. */
public final class FileResponses {

    private FileResponses() {
    }

    public static Response attachment(InputStream in, EvidenceVersion version) {
        String encoded = URLEncoder.encode(version.originalName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(in, version.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("ETag", "\"" + version.sha256() + "\"")
                .build();
    }
}
