package th.go.ita.activity.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A unit's METTA/PDCA plan for one fiscal year (Buddhist era). */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "unit_code")
    public String unitCode;

    @Column(name = "fiscal_year")
    public int fiscalYear;

    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> goals = new ArrayList<>();

    @Column(name = "indicator_target")
    public BigDecimal indicatorTarget;

    @Column(name = "created_at")
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    public static Optional<Plan> of(String unitCode, int fiscalYear) {
        return find("unitCode = ?1 and fiscalYear = ?2", unitCode, fiscalYear).firstResultOptional();
    }
}
