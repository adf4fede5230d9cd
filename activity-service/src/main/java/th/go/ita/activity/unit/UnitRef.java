package th.go.ita.activity.unit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import th.go.ita.platform.access.ScopedUnit;

import java.time.OffsetDateTime;

/** This service's copy of an office from scoring's {@code ita.units} topic. */
@Entity
@Table(name = "unit_ref")
public class UnitRef extends PanacheEntityBase implements ScopedUnit {

    @Id
    public String code;

    @Column(name = "parent_code")
    public String parentCode;

    /** Codes from the root down to this unit, e.g. {@code /OBEC/KALASIN2/}. */
    public String path;

    public String type;

    @Column(name = "name_th")
    public String nameTh;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "staff_count")
    public int staffCount;

    public boolean active = true;

    public boolean demo;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Override
    public String code() {
        return code;
    }

    @Override
    public String path() {
        return path;
    }
}
