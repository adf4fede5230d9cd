package th.go.ita.survey.progress;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import th.go.ita.survey.config.SurveyConfig;
import th.go.ita.survey.questionnaire.FrameworkCatalog;
import th.go.ita.survey.questionnaire.SurveyTarget;
import th.go.ita.survey.round.Round;
import th.go.ita.survey.unit.Unit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Progress of a unit's IIT and EIT: counts only, and of released responses only
 * ({@link th.go.ita.survey.response.ResponseRelease}), so the figures move in steps and a unit-admin
 * cannot read a colleague's answers off the counts before and after she answered.
 */
@ApplicationScoped
public class ProgressService {

    /** Smallest group whose per-question breakdown is shown. */
    public static final int MIN_GROUP = 5;

    @Inject
    EntityManager em;

    @Inject
    FrameworkCatalog frameworks;

    @Inject
    SurveyConfig config;

    @Transactional
    public UnitProgress of(SurveyTarget target, boolean withBreakdown) {
        Round round = target.round();
        Unit unit = target.unit();
        JsonNode doc = frameworks.document(round.frameworkId, round.frameworkVersion);
        JsonNode samples = doc == null ? null : doc.path("samples");
        List<UnitProgress.Instrument> instruments = new ArrayList<>();
        for (String instrument : List.of("IIT", "EIT")) {
            long received = ((Number) em.createNativeQuery("""
                    SELECT count(*) FROM survey_response
                    WHERE round_id = :round AND unit_code = :unit AND instrument = :instrument AND released
                    """)
                    .setParameter("round", round.id).setParameter("unit", unit.code).setParameter("instrument", instrument)
                    .getSingleResult()).longValue();
            int population = "IIT".equals(instrument) ? unit.staffCount : unit.servicePopulation;
            int required = samples == null ? 0 : SampleSize.required(samples.path(instrument), population);
            boolean hidden = received < MIN_GROUP;
            Map<String, Map<String, Long>> questions = null;
            if (withBreakdown && !hidden) {
                questions = new TreeMap<>();
                for (Object row : em.createNativeQuery("""
                        SELECT a.key, a.value, count(*) FROM survey_response r, jsonb_each_text(r.answers) a
                        WHERE r.round_id = :round AND r.unit_code = :unit AND r.instrument = :instrument AND r.released
                        GROUP BY a.key, a.value
                        """)
                        .setParameter("round", round.id).setParameter("unit", unit.code).setParameter("instrument", instrument)
                        .getResultList()) {
                    Object[] r = (Object[]) row;
                    questions.computeIfAbsent((String) r[0], k -> new TreeMap<>()).put((String) r[1], ((Number) r[2]).longValue());
                }
            }
            instruments.add(new UnitProgress.Instrument(instrument, received, required, population, hidden, questions));
        }
        Map<String, String> name = new LinkedHashMap<>();
        name.put("th", unit.nameTh);
        if (unit.nameEn != null) {
            name.put("en", unit.nameEn);
        }
        return new UnitProgress(round.id, unit.code, name, config.release().step(), instruments);
    }
}
