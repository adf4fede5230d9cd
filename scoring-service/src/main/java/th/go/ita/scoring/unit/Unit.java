package th.go.ita.scoring.unit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import th.go.ita.platform.access.ScopedUnit;

import java.time.OffsetDateTime;

/** An office in the tree: the national office, an area office or a school. */
@Entity
@Table(name = "unit")
public class Unit extends PanacheEntityBase implements ScopedUnit {

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

    @Column(name = "service_population")
    public int servicePopulation;

    public boolean active = true;

    public boolean demo;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    @UpdateTimestamp
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

    public static String childPath(String parentPath, String code) {
        return (parentPath == null ? "/" : parentPath) + code + "/";
    }

    public boolean isWithin(Unit ancestor) {
        return path.startsWith(ancestor.path);
    }
}
