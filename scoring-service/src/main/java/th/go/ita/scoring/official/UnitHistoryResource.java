package th.go.ita.scoring.official;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.platform.reports.Table;
import th.go.ita.platform.reports.Download;
import th.go.ita.scoring.framework.Framework;
import th.go.ita.scoring.framework.FrameworkService;
import th.go.ita.scoring.result.UnitResults;
import th.go.ita.scoring.unit.Unit;
import th.go.ita.scoring.unit.UnitScope;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A unit's results over the years (each year chosen by {@link UnitResults#published}, as the public
 * result chooses it: official figures, else a PUBLISHED round's complete computed sheet), the change from the year before only where both
 * years were assessed under frameworks of the same comparability group, and the indicators that cost
 * the latest year most points of its total.
 */
@Path("/units/{code}/history")
@Tag(name = "Units")
@Produces(MediaType.APPLICATION_JSON)
public class UnitHistoryResource {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public record Change(int previousFiscalYear, boolean comparable, String reason, BigDecimal total,
                         Map<String, BigDecimal> indicators) {
    }

    public record Year(int fiscalYear, boolean official, String source, String frameworkId, Integer frameworkVersion,
                       String comparabilityGroup, BigDecimal total, String rating, Map<String, String> ratingLabel,
                       boolean passed, Map<String, BigDecimal> indicators, Change change) {
    }

    public record Loss(String code, String instrument, Map<String, String> name, BigDecimal score,
                       BigDecimal pointsLost) {
    }

    public record History(String unitCode, String nameTh, String nameEn, List<Year> years, Integer latestFiscalYear,
                          List<Loss> pullingDown) {
    }

    @Inject
    UnitScope scope;

    @Inject
    UnitResults results;

    @Inject
    FrameworkService frameworks;

    @GET
    @Authenticated
    @Operation(summary = "A unit's yearly results, changes between comparable years, and the indicators that cost the latest year most")
    public History get(@PathParam("code") String code) {
        Unit unit = scope.require(code);
        List<Year> years = new ArrayList<>();
        for (int fiscalYear : results.publishedYears(code)) {
            UnitResults.Result r = results.published(code, fiscalYear).orElseThrow();
            Framework f = r.frameworkId() == null ? null : frameworks.framework(r.frameworkId(), r.frameworkVersion());
            years.add(new Year(fiscalYear, r.official(), r.source(), r.frameworkId(), r.frameworkVersion(),
                    f == null ? null : f.comparabilityGroup(), r.total(), r.rating(), r.ratingLabel(), r.passed(),
                    r.indicators(), null));
        }
        List<Year> withChanges = withChanges(years);
        Year latest = withChanges.isEmpty() ? null : withChanges.get(withChanges.size() - 1);
        List<Loss> losses = latest == null || latest.frameworkId() == null ? List.of()
                : pullingDown(frameworks.framework(latest.frameworkId(), latest.frameworkVersion()), latest.indicators(), 3);
        return new History(unit.code, unit.nameTh, unit.nameEn, withChanges,
                latest == null ? null : latest.fiscalYear(), losses);
    }

    @GET
    @Path("export")
    @Authenticated
    @Produces({"text/csv", Download.XLSX})
    @Operation(summary = "The unit's yearly results as CSV or XLSX (format=csv|xlsx): one row per year with its indicators")
    public Response export(@PathParam("code") String code, @QueryParam("format") @DefaultValue("csv") String format) {
        Download.requireFormat(format);
        History history = get(code);
        TreeSet<String> codes = new TreeSet<>(Comparator.comparingInt(UnitHistoryResource::numberOf)
                .thenComparing(Comparator.naturalOrder()));
        history.years().forEach(y -> codes.addAll(y.indicators().keySet()));
        List<String> headers = new ArrayList<>(List.of("ปีงบประมาณ (fiscal year)", "ที่มา (source)",
                "กรอบการประเมิน (framework)", "คะแนนรวม (total)", "ระดับ (rating)", "ผ่าน (passed)",
                "เปลี่ยนจากปีก่อน (change)"));
        codes.forEach(c -> headers.add("ตัวชี้วัด " + c + " (indicator " + c + ")"));
        List<List<Object>> rows = new ArrayList<>();
        for (Year y : history.years()) {
            List<Object> row = new ArrayList<>(List.of(y.fiscalYear(), y.official() ? "OFFICIAL" : "COMPUTED",
                    y.frameworkId() == null ? "" : y.frameworkId() + " v" + y.frameworkVersion()));
            // A change across frameworks is not a number: say why, as the screen does.
            Object change = y.change() == null ? "" : y.change().comparable() ? y.change().total()
                    : "ไม่เทียบ (not comparable: " + y.change().reason() + ")";
            row.addAll(Arrays.asList(y.total(), y.rating(), y.passed(), change));
            codes.forEach(c -> row.add(y.indicators().get(c)));
            rows.add(row);
        }
        return Download.table(new Table("ITA " + code, headers, rows), "ita-history-" + code, format).build();
    }

    private static int numberOf(String indicatorCode) {
        try {
            return Integer.parseInt(indicatorCode);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** Years oldest first, each with its change from the year before it (none for the first). */
    static List<Year> withChanges(List<Year> years) {
        List<Year> out = new ArrayList<>();
        Year previous = null;
        for (Year y : years) {
            Change change = null;
            if (previous != null) {
                if (y.comparabilityGroup() == null || previous.comparabilityGroup() == null) {
                    change = new Change(previous.fiscalYear(), false, "framework-unknown", null, null);
                } else if (!y.comparabilityGroup().equals(previous.comparabilityGroup())) {
                    change = new Change(previous.fiscalYear(), false, "different-framework", null, null);
                } else {
                    Map<String, BigDecimal> indicators = new LinkedHashMap<>();
                    for (Map.Entry<String, BigDecimal> e : y.indicators().entrySet()) {
                        BigDecimal before = previous.indicators().get(e.getKey());
                        if (before != null && e.getValue() != null) {
                            indicators.put(e.getKey(), e.getValue().subtract(before).setScale(2, RoundingMode.HALF_UP));
                        }
                    }
                    change = new Change(previous.fiscalYear(), true, null,
                            y.total().subtract(previous.total()).setScale(2, RoundingMode.HALF_UP), indicators);
                }
            }
            out.add(new Year(y.fiscalYear(), y.official(), y.source(), y.frameworkId(), y.frameworkVersion(),
                    y.comparabilityGroup(), y.total(), y.rating(), y.ratingLabel(), y.passed(), y.indicators(), change));
            previous = y;
        }
        return out;
    }

    /**
     * Points of the total an indicator lost: (100 − score) × instrument weight / 100 / indicators in the
     * instrument. Ordered by the exact loss, largest first; ties in sheet order. Indicators without a loss are left out.
     */
    static List<Loss> pullingDown(Framework framework, Map<String, BigDecimal> indicators, int limit) {
        record Exact(Loss loss, BigDecimal exact, int order) {
        }
        List<Exact> all = new ArrayList<>();
        int order = 0;
        for (Framework.Instrument instrument : framework.instruments()) {
            BigDecimal count = BigDecimal.valueOf(instrument.indicators().size());
            for (Framework.Indicator indicator : instrument.indicators()) {
                BigDecimal s = indicators.get(indicator.code());
                order++;
                if (s == null) {
                    continue;
                }
                // divide last, at a generous scale, so that ordering uses the (near) exact loss
                BigDecimal exact = HUNDRED.subtract(s).multiply(instrument.weight())
                        .divide(HUNDRED.multiply(count), 10, RoundingMode.HALF_UP);
                if (exact.signum() <= 0) {
                    continue;
                }
                all.add(new Exact(new Loss(indicator.code(), instrument.code(), indicator.name(), s,
                        exact.setScale(2, RoundingMode.HALF_UP)), exact, order));
            }
        }
        return all.stream().sorted(Comparator.comparing(Exact::exact).reversed().thenComparing(Exact::order))
                .limit(limit).map(Exact::loss).toList();
    }
}
