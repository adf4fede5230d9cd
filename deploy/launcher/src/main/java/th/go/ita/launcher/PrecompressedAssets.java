package th.go.ita.launcher;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The SPA's built scripts and styles, gzipped once at start and kept in memory.
 *
 * <p>Why not the server's own compression: over plain HTTP/1.1 (what a browser speaks to
 * {@code http://localhost:8080}) Vert.x sends a static file with zero-copy {@code sendfile}, which
 * never passes through the compressor, so a phone got all ≈ 620 kB of the first screen's JavaScript
 * as built instead of ≈ 185 kB. These files are named by their content hash and never change while
 * the gateway runs, so compressing each once, at the highest level, costs nothing per request.
 * A browser that does not accept gzip, or a file not kept here, falls through to the static handler.
 */
final class PrecompressedAssets implements Handler<RoutingContext> {

    /** Sourcemaps are left out: only developer tools ask for them. */
    private static final Map<String, String> TYPES = Map.of(
            ".js", "text/javascript; charset=utf-8",
            ".css", "text/css; charset=utf-8",
            ".svg", "image/svg+xml",
            ".json", "application/json");
    private static final long LARGEST = 4L * 1024 * 1024;

    private record Asset(String contentType, Buffer gzipped) {
    }

    private final Map<String, Asset> byPath;

    private PrecompressedAssets(Map<String, Asset> byPath) {
        this.byPath = byPath;
    }

    /**
     * Reads and gzips every script and style under {@code dist/assets}, and the scripts beside
     * index.html ({@code /early.js}, which a respondent's page loads before the app).
     */
    static PrecompressedAssets of(Path dist) {
        Map<String, Asset> assets = new HashMap<>();
        keep(dist.resolve("assets"), "/assets/", assets, name -> true);
        keep(dist, "/", assets, name -> name.endsWith(".js"));
        return new PrecompressedAssets(Map.copyOf(assets));
    }

    private static void keep(Path dir, String prefix, Map<String, Asset> assets, java.util.function.Predicate<String> wanted) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String name = file.getFileName().toString();
                String type = contentType(name);
                if (type != null && wanted.test(name) && size(file) <= LARGEST) {
                    assets.put(prefix + name, new Asset(type, Buffer.buffer(gzip(file))));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the built web app in " + dir, e);
        }
    }

    int size() {
        return byPath.size();
    }

    @Override
    public void handle(RoutingContext ctx) {
        Asset asset = ctx.request().method() == HttpMethod.GET || ctx.request().method() == HttpMethod.HEAD
                ? byPath.get(ctx.normalizedPath()) : null;
        if (asset == null || !acceptsGzip(ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            ctx.next();
            return;
        }
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, asset.contentType())
                .putHeader(HttpHeaders.CONTENT_ENCODING, "gzip")
                .putHeader(HttpHeaders.VARY, "Accept-Encoding");
        if (!ctx.normalizedPath().startsWith("/assets/")) {
            // Not named by its content: a new release's file is asked for again, never kept stale.
            ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        }
        if (ctx.request().method() == HttpMethod.HEAD) {
            ctx.response().putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(asset.gzipped().length())).end();
        } else {
            ctx.response().end(asset.gzipped());
        }
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] coding = part.trim().split(";");
            if (coding[0].trim().equals("gzip") || coding[0].trim().equals("*")) {
                boolean refused = coding.length > 1 && coding[1].trim().replace(" ", "").matches("q=0(\\.0*)?");
                return !refused;
            }
        }
        return false;
    }

    private static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(name.substring(dot).toLowerCase(Locale.ROOT));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(Path file) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
                {
                    def.setLevel(Deflater.BEST_COMPRESSION);
                }
            }) {
                gzip.write(Files.readAllBytes(file));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not compress " + file, e);
        }
    }
}
