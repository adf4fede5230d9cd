package th.go.ita.activity.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One measurement of a KPI on a date: actuals accumulate, the latest by date is the current one. */
@Entity
@Table(name = "kpi_actual")
public class KpiActual extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "kpi_id")
    public UUID kpiId;

    @Column(name = "recorded_on")
    public LocalDate recordedOn;

    public BigDecimal value;

    public String note;

    public static List<KpiActual> ofKpi(UUID kpiId) {
        return list("kpiId = ?1 order by recordedOn, recordedAt", kpiId);
    }

    @Column(name = "recorded_at")
    public java.time.OffsetDateTime recordedAt = java.time.OffsetDateTime.now();
}
