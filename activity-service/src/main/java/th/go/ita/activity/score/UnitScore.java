package th.go.ita.activity.score;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * The latest scores of a unit in one round, from scoring's {@code scores.changed}: a round's computed
 * sheet ({@code UnitScoreChanged}) or the unit's official result for a year ({@code OfficialResultChanged},
 * kept under the round id {@code official:<year>}).
 */
@Entity
@Table(name = "unit_score")
@IdClass(UnitScore.Key.class)
public class UnitScore extends PanacheEntityBase {

    public record Key(String unitCode, String roundId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "unit_code")
    public String unitCode;

    @Id
    @Column(name = "round_id")
    public String roundId;

    @Column(name = "fiscal_year")
    public int fiscalYear;

    @Column(name = "framework_id")
    public String frameworkId;

    @Column(name = "framework_version")
    public Integer frameworkVersion;

    public BigDecimal total;

    public String rating;

    public Boolean passed;

    public boolean provisional;

    /** Official figures (entered or imported in scoring), which win over every computed sheet of the year. */
    public boolean official;

    /** Indicator code → score, as scoring published it (scale 2). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, BigDecimal> indicators;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    /** The round id under which a year's official result is kept. */
    public static String officialKey(int fiscalYear) {
        return "official:" + fiscalYear;
    }

    /**
     * The unit's score of record for a fiscal year, as scoring chooses it: the official result when there
     * is one, else the most recent computed sheet (its {@link #provisional} flag says whether it is final).
     */
    public static Optional<UnitScore> latest(String unitCode, int fiscalYear) {
        return find("unitCode = ?1 and fiscalYear = ?2 order by official desc, occurredAt desc", unitCode, fiscalYear)
                .firstResultOptional();
    }
}
