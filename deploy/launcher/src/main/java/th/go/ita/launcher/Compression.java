package th.go.ita.launcher;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;

import java.util.Locale;

/**
 * Gzip for the services' answers that compress (JSON, HTML, YAML: a questionnaire is ≈ 22 kB of
 * JSON, a dashboard more), when the browser asks for it ({@code Accept-Encoding}), and never for
 * what is compressed already (PDF, XLSX, images, fonts, zip) or answers that carry a
 * {@code Content-Encoding} of their own. The SPA's own scripts and styles are gzipped once at start
 * instead ({@link PrecompressedAssets}).
 *
 * <p>Compressing API answers is safe from BREACH-style length attacks here: authenticated calls
 * carry a bearer token the attacker's page cannot make the browser attach, and the respondents'
 * answers hold no secret beside reflected input.
 */
final class Compression {

    /** Below this a gzip header costs more than it saves. */
    private static final int MIN_BYTES = 1024;

    private Compression() {
    }

    static HttpServerOptions serverOptions() {
        return new HttpServerOptions()
                .setCompressionSupported(true)
                .setCompressionLevel(6)
                .setCompressionContentSizeThreshold(MIN_BYTES);
    }

    /** Called as the headers go out: marks answers that must not be compressed. */
    static void decide(MultiMap headers) {
        if (headers.contains(HttpHeaders.CONTENT_ENCODING)) {
            return;
        }
        if (!compressible(headers.get(HttpHeaders.CONTENT_TYPE))) {
            // Vert.x's documented way to leave one answer as it is; the header is not sent.
            headers.set(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        }
    }

    static boolean compressible(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.contains("javascript")
                || type.contains("json")
                || type.contains("xml")
                || type.contains("yaml")
                || type.startsWith("image/svg");
    }
}
