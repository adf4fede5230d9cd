package th.go.ita.activity.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt = OffsetDateTime.now();

    public static List<KpiActual> ofKpi(UUID kpiId) {
        return list("kpiId = ?1 order by recordedOn, recordedAt", kpiId);
    }

    /** A new actual of the KPI, persisted, its value at the KPI's scale of 2. */
    public static KpiActual record(Kpi kpi, LocalDate recordedOn, BigDecimal value, String note) {
        KpiActual actual = new KpiActual();
        actual.id = UUID.randomUUID();
        actual.kpiId = kpi.id;
        actual.recordedOn = recordedOn;
        actual.value = value.setScale(2, RoundingMode.HALF_UP);
        actual.note = note;
        actual.persist();
        return actual;
    }
}
