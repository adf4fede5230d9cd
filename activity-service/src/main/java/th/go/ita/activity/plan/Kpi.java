package th.go.ita.activity.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A measurable goal of a plan: reached when the latest recorded actual is at least the target. */
@Entity
@Table(name = "kpi")
public class Kpi extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "plan_id")
    public UUID planId;

    public int position;

    public String name;

    public BigDecimal target;

    @Column(name = "unit_of_measure")
    public String unitOfMeasure;

    @Column(name = "indicator_code")
    public String indicatorCode;

    public static List<Kpi> ofPlan(UUID planId) {
        return list("planId = ?1 order by position, name", planId);
    }
}
