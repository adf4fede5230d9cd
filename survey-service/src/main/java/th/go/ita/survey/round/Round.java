package th.go.ita.survey.round;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import th.go.ita.survey.unit.Unit;

import java.time.Instant;

/** An assessment round as scoring-service last announced it on {@code ita.rounds} (read model). */
@Entity
@Table(name = "round")
public class Round extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @Column(name = "fiscal_year")
    public Integer fiscalYear;

    @Column(name = "framework_id")
    public String frameworkId;

    @Column(name = "framework_version")
    public int frameworkVersion;

    @Column(name = "scope_unit_code")
    public String scopeUnitCode;

    public String state;

    @Column(name = "survey_opens_at")
    public Instant surveyOpensAt;

    @Column(name = "survey_closes_at")
    public Instant surveyClosesAt;

    /** Respondents may answer: the round is OPEN and now lies inside its survey window. */
    public boolean acceptsAnswersAt(Instant now) {
        return "OPEN".equals(state)
                && (surveyOpensAt == null || !now.isBefore(surveyOpensAt))
                && (surveyClosesAt == null || now.isBefore(surveyClosesAt));
    }

    public boolean covers(Unit unit) {
        return unit.isWithin(scopeUnitCode);
    }
}
