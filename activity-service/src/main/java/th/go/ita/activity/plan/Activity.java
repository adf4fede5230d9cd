package th.go.ita.activity.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One activity of a plan, placed in the METTA model and the PDCA cycle. */
@Entity
@Table(name = "activity")
public class Activity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "unit_code")
    public String unitCode;

    /** The template activity it was copied from, if any (so suggestions skip what the plan has). */
    @Column(name = "template_code")
    public String templateCode;

    public String name;

    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "metta_elements")
    public List<MettaElement> mettaElements = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "pdca_phase")
    public PdcaPhase pdcaPhase;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "indicator_codes")
    public List<String> indicatorCodes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "oit_item_codes")
    public List<String> oitItemCodes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "honest_traits")
    public List<HonestTrait> honestTraits = new ArrayList<>();

    public String owner;

    @Column(name = "participants_count")
    public Integer participantsCount;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    public BigDecimal budget;

    @Enumerated(EnumType.STRING)
    public ActivityStatus status = ActivityStatus.PLANNED;

    public String notes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "evidence_links")
    public List<String> evidenceLinks = new ArrayList<>();

    @Column(name = "completed_on")
    public LocalDate completedOn;

    @Column(name = "created_at")
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    public static List<Activity> ofPlan(UUID planId) {
        return list("planId = ?1 order by pdcaPhase, createdAt, name", planId);
    }
}
