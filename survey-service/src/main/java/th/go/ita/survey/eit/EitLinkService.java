package th.go.ita.survey.eit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import th.go.ita.platform.problem.ProblemException;
import th.go.ita.survey.config.SurveyConfig;
import th.go.ita.survey.questionnaire.SurveyTarget;
import th.go.ita.survey.round.Round;
import th.go.ita.survey.secret.KeyedHash;
import th.go.ita.survey.unit.Unit;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Public EIT links: one stable opaque token per round and unit. */
@ApplicationScoped
public class EitLinkService {

    @Inject
    EntityManager em;

    @Inject
    KeyedHash keyedHash;

    @Inject
    SurveyConfig config;

    @Transactional
    public EitLink linkFor(SurveyTarget target) {
        // Derived, not random: asking again (or after a lost row) gives the same printed link.
        byte[] mac = keyedHash.hash("eit-link", target.round().id + "\n" + target.unit().code);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, 15));
        em.createNativeQuery("""
                INSERT INTO eit_link (token, round_id, unit_code) VALUES (:token, :round, :unit)
                ON CONFLICT DO NOTHING
                """)
                .setParameter("token", token)
                .setParameter("round", target.round().id)
                .setParameter("unit", target.unit().code)
                .executeUpdate();
        return view(token, target.round().id, target.unit().code);
    }

    @Transactional
    public EitLink resolve(String token) {
        List<?> rows = em.createNativeQuery("SELECT round_id, unit_code FROM eit_link WHERE token = :token")
                .setParameter("token", token)
                .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("link-not-found");
        }
        Object[] row = (Object[]) rows.get(0);
        return view(token, (String) row[0], (String) row[1]);
    }

    /** The round and unit a public link belongs to, for what is printed on its poster. */
    @Transactional
    public SurveyTarget targetOf(EitLink link) {
        Round round = Round.findById(link.roundId());
        Unit unit = Unit.findById(link.unitCode());
        if (round == null || unit == null) {
            throw ProblemException.notFound("link-not-found");
        }
        return new SurveyTarget(round, unit);
    }

    private EitLink view(String token, String roundId, String unitCode) {
        return new EitLink(token, roundId, unitCode, config.publicBaseUrl() + "/e/" + token,
                "/links/" + token + "/qr.svg", "/links/" + token + "/qr.png");
    }
}
