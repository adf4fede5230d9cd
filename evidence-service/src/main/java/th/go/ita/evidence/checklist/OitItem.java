package th.go.ita.evidence.checklist;

import jakarta.persistence.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static th.go.ita.evidence.access.Rows.integer;
import static th.go.ita.evidence.access.Rows.str;

/** One OIT item of a framework version, as scoring published it. */
public record OitItem(String code, int position, String indicatorCode, String subIndicatorCode,
                      String subIndicatorNameTh, String subIndicatorNameEn, String titleTh, String titleEn,
                      String requirementTh, String requirementEn) {

    static OitItem of(Tuple t) {
        return new OitItem(str(t, "code"), integer(t, "position"), str(t, "indicator_code"),
                str(t, "sub_indicator_code"), str(t, "sub_indicator_name_th"), str(t, "sub_indicator_name_en"),
                str(t, "title_th"), str(t, "title_en"), str(t, "requirement_th"), str(t, "requirement_en"));
    }

    /** Each sub-indicator's rows in the items' order, keyed by its first item (which names the sub-indicator). */
    public static <R> Map<OitItem, List<R>> bySubIndicator(List<OitItem> items, Function<OitItem, R> row) {
        Map<String, OitItem> first = new HashMap<>();
        Map<OitItem, List<R>> groups = new LinkedHashMap<>();
        for (OitItem item : items) {
            OitItem head = first.computeIfAbsent(item.subIndicatorCode(), k -> item);
            groups.computeIfAbsent(head, k -> new ArrayList<>()).add(row.apply(item));
        }
        return groups;
    }
}
