package th.go.ita.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

/** The public disclosure pages through the gateway, and an evidence upload against a plain file copy. */
final class Pages {

    private final Api api;
    private final Results results;
    private final Settings settings;

    Pages(Api api, Results results, Settings settings) {
        this.api = api;
        this.results = results;
        this.settings = settings;
    }

    void publicPages() throws Exception {
        // The demo data's published year of the area office; whichever year answers first.
        String year = null;
        for (String y : new String[]{"2566", "2570", "2567"}) {
            if (api.status(api.target.gateway() + "/api/evidence/oit/" + Api.UNIT + "/" + y, null) == 200) {
                year = y;
                break;
            }
        }
        if (year == null) {
            results.add("public pages", "OIT disclosure page", "", Double.NaN, "per s", "", "no published year answered 200");
            return;
        }
        for (String[] page : new String[][]{{"OIT disclosure page (HTML)", "/api/evidence/oit/" + Api.UNIT + "/" + year},
                {"OIT disclosure (JSON)", "/api/evidence/public/units/" + Api.UNIT + "/years/" + year}}) {
            URI uri = URI.create(api.target.gateway() + page[1]);
            Load.Stats stats = Load.run(4, 1_000_000, settings.pageLoad(), i -> api.http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            results.add("public pages", page[0] + " requests/s", "c=4", stats.perSecond(), "per s", "",
                    "via gateway, FY" + year + ", " + stats.done() + " requests");
            results.add("public pages", page[0] + " p95", "c=4", stats.p95(), "ms");
        }
    }

    /** One file of {@code settings.uploadMb()} MB uploaded three times as OIT evidence, against copying it on disk. */
    void upload(String round) throws Exception {
        String editor = api.token("evidence.kalasin2");
        String item = api.target.evidence() + "/units/" + Api.UNIT + "/rounds/" + round + "/items/O4";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (api.status(item, editor) != 200) {
            if (System.nanoTime() > deadline) {
                results.add("upload", "evidence upload", "", Double.NaN, "MB/s", "", "evidence-service never learnt of the round");
                return;
            }
            Thread.sleep(250);
        }
        byte[] file = new byte[settings.uploadMb() * 1024 * 1024];
        new Random(7).nextBytes(file);
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(pdf, 0, file, 0, pdf.length);
        String boundary = "ita-bench-7f3a";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        double best = 0;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = api.http.send(HttpRequest.newBuilder(URI.create(item + "/files"))
                    .header("Authorization", "Bearer " + editor)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (response.statusCode() != 201) {
                results.add("upload", "evidence upload", settings.uploadMb() + " MB", Double.NaN, "MB/s", "",
                        "HTTP " + response.statusCode());
                return;
            }
            best = Math.max(best, settings.uploadMb() / seconds);
        }
        Path dir = Files.createTempDirectory("ita-bench");
        double copy = 0;
        try {
            Path source = dir.resolve("source.pdf");
            Files.write(source, file);
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                Path target = dir.resolve("copy" + i + ".pdf");
                Files.copy(source, target);
                try (var channel = java.nio.channels.FileChannel.open(target, java.nio.file.StandardOpenOption.WRITE)) {
                    channel.force(true); // the service syncs what it stores
                }
                copy = Math.max(copy, settings.uploadMb() / ((System.nanoTime() - t0) / 1e9));
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
        results.add("upload", "evidence upload, best of 3", settings.uploadMb() + " MB", best, "MB/s", "", "straight to evidence-service");
        results.add("upload", "plain file copy + fsync, best of 3", settings.uploadMb() + " MB", copy, "MB/s");
    }
}
