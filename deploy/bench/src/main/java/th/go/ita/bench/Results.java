package th.go.ita.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a run measured: one table on the console, and the same rows as CSV, JSON and an HTML page with charts. */
public final class Results {

    /**
     * One number. {@code x} is the load or size it was measured at (connections, units, lines), or
     * empty; {@code target} what the issue asks for, or empty.
     */
    public record Row(String section, String what, String x, double value, String unit, String target, String note) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> machine = new LinkedHashMap<>();

    public synchronized void add(String section, String what, String x, double value, String unit, String target,
                                 String note) {
        rows.add(new Row(section, what, x, value, unit, target == null ? "" : target, note == null ? "" : note));
    }

    public synchronized void add(String section, String what, String x, double value, String unit) {
        add(section, what, x, value, unit, "", "");
    }

    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The first value of {@code section}/{@code what} at {@code x}, or NaN. */
    public synchronized double value(String section, String what, String x) {
        return rows.stream().filter(r -> r.section().equals(section) && r.what().equals(what) && r.x().equals(x))
                .mapToDouble(Row::value).findFirst().orElse(Double.NaN);
    }

    public synchronized void machine(String key, Object value) {
        machine.put(key, value);
    }

    public synchronized Map<String, Object> machine() {
        return new LinkedHashMap<>(machine);
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Math.abs(v) >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : Math.abs(v) >= 1 ? "%.2f" : "%.3f", v);
    }

    public synchronized String table() {
        int[] w = {8, 10, 6, 8, 6, 6};
        for (Row r : rows) {
            w[0] = Math.max(w[0], r.section().length());
            w[1] = Math.max(w[1], r.what().length());
            w[2] = Math.max(w[2], r.x().length());
            w[3] = Math.max(w[3], number(r.value()).length());
            w[4] = Math.max(w[4], r.unit().length());
            w[5] = Math.max(w[5], r.target().length());
        }
        String format = "%-" + w[0] + "s  %-" + w[1] + "s  %" + w[2] + "s  %" + w[3] + "s  %-" + w[4] + "s  %-" + w[5] + "s  %s%n";
        StringBuilder out = new StringBuilder();
        machine.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        out.append(String.format(format, "section", "measure", "at", "value", "unit", "target", "note"));
        String section = null;
        for (Row r : rows) {
            out.append(String.format(format, r.section().equals(section) ? "" : r.section(), r.what(), r.x(),
                    number(r.value()), r.unit(), r.target(), r.note()));
            section = r.section();
        }
        return out.toString();
    }

    public synchronized void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("section,measure,at,value,unit,target,note\n");
        for (Row r : rows) {
            csv.append(String.join(",", cell(r.section()), cell(r.what()), cell(r.x()),
                    Double.isNaN(r.value()) ? "" : String.valueOf(r.value()), cell(r.unit()), cell(r.target()),
                    cell(r.note()))).append('\n');
        }
        Files.writeString(dir.resolve("results.csv"), csv, StandardCharsets.UTF_8);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", machine);
        json.put("rows", rows);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("results.json").toFile(), json);
        Files.writeString(dir.resolve("report.html"), html(), StandardCharsets.UTF_8);
    }

    private static String cell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A page with no script and nothing fetched: a horizontal bar chart per section and unit, then the table. */
    private String html() {
        StringBuilder h = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>ITA Online benchmark</title>
                <style>body{font:14px system-ui,sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse}
                td,th{border-bottom:1px solid #ddd;padding:2px 8px;text-align:left}td.n{text-align:right}
                h2{margin-top:1.5em}svg text{font:12px system-ui,sans-serif}</style></head><body>
                <h1>ITA Online benchmark</h1><p>Numbers from a shared machine are noisy: compare runs made at similar load averages.</p><ul>
                """);
        machine.forEach((k, v) -> h.append("<li>").append(esc(k)).append(": ").append(esc(String.valueOf(v))).append("</li>"));
        h.append("</ul>");
        Map<String, List<Row>> charts = new LinkedHashMap<>();
        for (Row r : rows) {
            if (!Double.isNaN(r.value())) {
                charts.computeIfAbsent(r.section() + " (" + r.unit() + ")", k -> new ArrayList<>()).add(r);
            }
        }
        charts.forEach((title, list) -> {
            double max = list.stream().mapToDouble(Row::value).max().orElse(1);
            int bar = 18;
            int height = list.size() * (bar + 4) + 4;
            h.append("<h2>").append(esc(title)).append("</h2><svg width=\"1000\" height=\"").append(height).append("\">");
            int y = 2;
            for (Row r : list) {
                double width = max <= 0 ? 0 : 600 * r.value() / max;
                h.append(String.format(Locale.ROOT,
                        "<text x=\"0\" y=\"%d\">%s</text><rect x=\"300\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#3a6ea5\"/>"
                                + "<text x=\"%.1f\" y=\"%d\">%s</text>",
                        y + 13, esc((r.what() + " " + r.x()).strip()), y, width, bar, 305 + width, y + 13, esc(number(r.value()))));
                y += bar + 4;
            }
            h.append("</svg>");
        });
        h.append("<h2>All rows</h2><table><tr><th>section</th><th>measure</th><th>at</th><th>value</th><th>unit</th>"
                + "<th>target</th><th>note</th></tr>");
        for (Row r : rows) {
            h.append("<tr><td>").append(esc(r.section())).append("</td><td>").append(esc(r.what())).append("</td><td>")
                    .append(esc(r.x())).append("</td><td class=n>").append(esc(number(r.value()))).append("</td><td>")
                    .append(esc(r.unit())).append("</td><td>").append(esc(r.target())).append("</td><td>")
                    .append(esc(r.note())).append("</td></tr>");
        }
        return h.append("</table></body></html>\n").toString();
    }
}
