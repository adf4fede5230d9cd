package th.go.ita.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Generated unit trees of 300, 3,000 and 30,000 units under {@code BENCH<n>} (below OBEC), each
 * imported as one units CSV and one official results CSV (FY2566) in one request, then the area
 * dashboard over the tree, over one area of it, and over the whole country. Running again updates
 * the same units (counted as updated, not created).
 */
final class Trees {

    private static final String SECTION = "dashboards and imports";
    private static final int YEAR = 2566;

    private final Api api;
    private final Results results;
    private final Settings settings;

    Trees(Api api, Results results, Settings settings) {
        this.api = api;
        this.results = results;
        this.settings = settings;
    }

    void run() throws Exception {
        for (int size : settings.treeSizes()) {
            api.forgetTokens();
            tree(size);
        }
        api.forgetTokens();
        Load.Stats national = dashboard("OBEC");
        results.add(SECTION, "national dashboard /dashboards/areas/OBEC p50", "all units", national.p50(), "ms");
        results.add(SECTION, "national dashboard /dashboards/areas/OBEC p95", "all units", national.p95(), "ms", "< 100", "");
    }

    private void tree(int size) throws Exception {
        String root = "BENCH" + size;
        int areas = size <= 300 ? 10 : 30;
        int schools = (size - 1 - areas) / areas;
        StringBuilder units = new StringBuilder("code,parent_code,type,name_th,name_en,staff_count,service_population\n");
        units.append(root).append(",OBEC,OTHER,ต้นไม้ทดสอบ ").append(size).append(",bench tree,0,0\n");
        StringBuilder official = new StringBuilder("unit_code,fiscal_year,framework_id,framework_version,indicators,total,rating,passed,source\n");
        Random random = new Random(size);
        int lines = 1;
        for (int a = 1; a <= areas; a++) {
            String area = root + "-A" + a;
            units.append(area).append(',').append(root).append(",AREA_PRIMARY,เขตทดสอบ ").append(a).append(",,60,3000\n");
            result(official, area, random);
            lines++;
            for (int s = 1; s <= schools; s++) {
                String school = area + "-S" + s;
                units.append(school).append(',').append(area).append(",SCHOOL,โรงเรียนทดสอบ ").append(a).append('-').append(s)
                        .append(",,20,300\n");
                result(official, school, random);
                lines++;
            }
        }
        String at = String.format(Locale.ROOT, "%,d lines", lines);
        String admin = api.token("admin");
        long t0 = System.nanoTime();
        HttpResponse<String> unitImport = api.send("POST", api.target.scoring() + "/units/import", admin, units.toString());
        double unitSeconds = (System.nanoTime() - t0) / 1e9;
        boolean unitsOk = unitImport.statusCode() == 200;
        results.add(SECTION, "units CSV import, one request", at, unitSeconds, "s", lines >= 30_000 ? "< 30" : "",
                unitsOk ? summary(unitImport.body()) : "HTTP " + unitImport.statusCode());
        if (!unitsOk) {
            insertUnits(units.toString());
        }
        t0 = System.nanoTime();
        HttpResponse<String> resultImport = api.send("POST", api.target.scoring() + "/official-results/import",
                api.token("admin"), official.toString());
        double resultSeconds = (System.nanoTime() - t0) / 1e9;
        boolean resultsOk = resultImport.statusCode() == 200;
        results.add(SECTION, "official results CSV import, one request", at, resultSeconds, "s",
                lines >= 30_000 ? "< 30" : "", resultsOk ? summary(resultImport.body()) : "HTTP " + resultImport.statusCode());
        if (!resultsOk) {
            insertResults(official.toString());
        }
        Load.Stats whole = dashboard(root);
        results.add(SECTION, "area dashboard p50", String.format(Locale.ROOT, "%,d units", lines), whole.p50(), "ms");
        results.add(SECTION, "area dashboard p95", String.format(Locale.ROOT, "%,d units", lines), whole.p95(), "ms",
                lines >= 30_000 ? "< 100" : "", "");
        Load.Stats one = dashboard(root + "-A1");
        results.add(SECTION, "one area's dashboard p95", String.format(Locale.ROOT, "%,d units", schools + 1), one.p95(), "ms",
                "< 20", "");
    }

    private static String summary(String body) {
        try {
            JsonNode report = Api.JSON.readTree(body);
            StringBuilder s = new StringBuilder();
            report.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber()) {
                    s.append(s.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue().asText());
                }
            });
            return s.toString();
        } catch (Exception e) {
            return "";
        }
    }

    /** Indicators only: the import computes total, rating and pass from them (and refuses figures that disagree). */
    private static void result(StringBuilder official, String unit, Random random) {
        double t = 65 + 35 * random.nextDouble();
        StringBuilder indicators = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            indicators.append(i == 1 ? "" : ";").append(i).append('=')
                    .append(String.format(Locale.ROOT, "%.2f", Math.max(0, Math.min(100, t + random.nextGaussian() * 5))));
        }
        official.append(unit).append(',').append(YEAR).append(",OBEC-2566,1,").append(indicators).append(",,,,bench\n");
    }

    /** The dashboard {@code settings.dashboardRequests()} times, one after another, after 3 unmeasured. */
    private Load.Stats dashboard(String unit) throws Exception {
        String url = api.target.scoring() + "/dashboards/areas/" + unit + "?fiscalYear=" + YEAR + "&limit=100";
        String admin = api.token("admin");
        for (int i = 0; i < 3; i++) {
            int status = api.status(url, admin);
            if (status != 200) {
                throw new IllegalStateException("dashboard of " + unit + ": " + status);
            }
        }
        return Load.run(1, settings.dashboardRequests(), java.time.Duration.ofSeconds(120),
                i -> api.status(url, admin) == 200);
    }

    /** When the import failed (it did on main for 30,000 lines), the dashboard is still measured over the same tree. */
    private void insertUnits(String csv) throws Exception {
        try (Connection c = DriverManager.getConnection(api.target.jdbc("scoring"), "postgres", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO unit (code, parent_code, path, type, name_th, staff_count, service_population, demo)
                    SELECT ?, ?, p.path || ? || '/', ?, ?, ?, ?, true FROM unit p WHERE p.code = ?
                    ON CONFLICT DO NOTHING""")) {
                for (String line : Arrays.stream(csv.split("\n")).skip(1).toList()) {
                    String[] f = line.split(",", -1);
                    s.setString(1, f[0]);
                    s.setString(2, f[1]);
                    s.setString(3, f[0]);
                    s.setString(4, f[2]);
                    s.setString(5, f[3]);
                    s.setInt(6, Integer.parseInt(f[5]));
                    s.setInt(7, Integer.parseInt(f[6]));
                    s.setString(8, f[1]);
                    s.executeUpdate();
                }
            }
            c.commit();
        }
        results.add(SECTION, "units written by SQL instead (import failed)", "", Double.NaN, "", "", "");
    }

    private void insertResults(String csv) throws Exception {
        try (Connection c = DriverManager.getConnection(api.target.jdbc("scoring"), "postgres", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO official_result (unit_code, fiscal_year, framework_id, framework_version, indicators,
                                                 instruments, total, rating, passed, source, entered_by)
                    VALUES (?, ?, 'OBEC-2566', 1, CAST(? AS jsonb), '{}', ?, ?, ?, 'bench', 'bench')
                    ON CONFLICT DO NOTHING""")) {
                for (String line : Arrays.stream(csv.split("\n")).skip(1).toList()) {
                    String[] f = line.split(",", -1);
                    StringBuilder json = new StringBuilder("{");
                    double sum = 0;
                    String[] pairs = f[4].split(";");
                    for (String pair : pairs) {
                        String[] kv = pair.split("=");
                        json.append(json.length() > 1 ? "," : "").append('"').append(kv[0]).append("\":").append(kv[1]);
                        sum += Double.parseDouble(kv[1]);
                    }
                    // Not the framework's arithmetic: figures of the right size for the dashboard only.
                    double t = Math.round(sum / pairs.length * 100) / 100.0;
                    s.setString(1, f[0]);
                    s.setInt(2, YEAR);
                    s.setString(3, json.append('}').toString());
                    s.setBigDecimal(4, java.math.BigDecimal.valueOf(t));
                    s.setString(5, t >= 95 ? "AA" : t >= 85 ? "A" : t >= 75 ? "B" : "C");
                    s.setBoolean(6, t >= 85);
                    s.executeUpdate();
                }
            }
            c.commit();
        }
        results.add(SECTION, "official results written by SQL instead (import failed)", "", Double.NaN, "", "", "");
    }
}
