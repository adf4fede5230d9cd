package th.go.ita.scoring.export;

import jakarta.ws.rs.core.Response;
import th.go.ita.platform.problem.ProblemException;

/** A {@link Table} sent as a download in the format the caller asked for (csv or xlsx). */
public final class TableFile {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private TableFile() {
    }

    /** Checked before any work is done for the table: an unknown format is the caller's mistake (400). */
    public static void requireFormat(String format) {
        if (!"csv".equals(format) && !"xlsx".equals(format)) {
            throw ProblemException.badRequest("bad-request");
        }
    }

    public static Response of(Table table, String baseName, String format) {
        requireFormat(format);
        return Response.ok(format.equals("csv") ? table.csv() : table.xlsx())
                .type(format.equals("csv") ? "text/csv; charset=UTF-8" : XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + baseName + "." + format + "\"")
                .build();
    }
}
