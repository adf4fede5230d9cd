package th.go.ita.evidence.file;

import jakarta.ws.rs.core.Response;
import th.go.ita.platform.reports.Download;

import java.io.InputStream;

/** A stored file as a download, with its original (sanitised) name in UTF-8. */
public final class FileResponses {

    private FileResponses() {
    }

    public static Response attachment(InputStream in, EvidenceVersion version) {
        return Download.file(Response.ok(in, version.contentType()), version.originalName())
                .header("X-Content-Type-Options", "nosniff")
                .header("ETag", "\"" + version.sha256() + "\"")
                .build();
    }
}
