package th.go.ita.platform.reports;

import jakarta.ws.rs.core.Response;
import th.go.ita.platform.problem.ProblemException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Files sent to a browser to save: a {@link Table} in the format asked for, or any bytes. */
public final class Download {

    public static final String CSV = "text/csv; charset=UTF-8";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Download() {
    }

    /** Checked before any work is done for the table: an unknown format is the caller's mistake (400). */
    public static void requireFormat(String format) {
        if (!"csv".equals(format) && !"xlsx".equals(format)) {
            throw ProblemException.badRequest("bad-request");
        }
    }

    /** The table as {@code baseName.csv} or {@code baseName.xlsx}; the caller may add a status or headers. */
    public static Response.ResponseBuilder table(Table table, String baseName, String format) {
        requireFormat(format);
        boolean csv = format.equals("csv");
        return file(Response.ok(csv ? table.csv() : table.xlsx(), csv ? CSV : XLSX), baseName + "." + format);
    }

    /**
     * Names the download. Thai names need RFC 6266's {@code filename*} (UTF-8); the plain
     * {@code filename} beside it is the ASCII fallback for old clients.
     */
    public static Response.ResponseBuilder file(Response.ResponseBuilder response, String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return response.header("Content-Disposition",
                "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded);
    }
}
