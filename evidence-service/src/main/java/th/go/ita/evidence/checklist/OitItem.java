package th.go.ita.evidence.checklist;

import jakarta.persistence.Tuple;

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
}
