package th.go.ita.survey.unit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import th.go.ita.platform.access.ScopedUnit;
import th.go.ita.platform.access.UnitPaths;

/** A unit as scoring-service last announced it on {@code ita.units} (read model, never edited here). */
@Entity
@Table(name = "unit")
public class Unit extends PanacheEntityBase implements ScopedUnit {

    @Id
    public String code;

    @Column(name = "parent_code")
    public String parentCode;

    public String path;

    public String type;

    @Column(name = "name_th")
    public String nameTh;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "staff_count")
    public int staffCount;

    @Column(name = "service_population")
    public int servicePopulation;

    public boolean active;

    public boolean demo;

    @Override
    public String code() {
        return code;
    }

    @Override
    public String path() {
        return path;
    }

    /** True when this unit is {@code ancestor} itself or lies below it. */
    public boolean isWithin(String ancestor) {
        return UnitPaths.isWithin(path, ancestor);
    }
}
