package th.go.ita.scoring.framework;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/** One stored version of a framework document. */
@Entity
@Table(name = "framework")
@IdClass(FrameworkVersion.Key.class)
public class FrameworkVersion extends PanacheEntityBase {

    public record Key(String id, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    public String id;

    @Id
    public int version;

    @Column(name = "fiscal_year")
    public int fiscalYear;

    @JdbcTypeCode(SqlTypes.JSON)
    public String document;

    public String checksum;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    public static FrameworkVersion find(String id, int version) {
        return findById(new Key(id, version));
    }

    public static List<FrameworkVersion> all() {
        return list("order by fiscalYear desc, id, version desc");
    }
}
