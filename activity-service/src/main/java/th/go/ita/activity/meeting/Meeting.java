package th.go.ita.activity.meeting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Minutes of a board meeting: agenda (linked to indicators and activities) and decisions. */
@Entity
@Table(name = "meeting")
public class Meeting extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "unit_code")
    public String unitCode;

    @Column(name = "held_on")
    public LocalDate heldOn;

    public String title;

    @Column(name = "attendees_count")
    public int attendeesCount;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<AgendaItem> agenda = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> decisions = new ArrayList<>();

    @Column(name = "created_at")
    public OffsetDateTime createdAt = OffsetDateTime.now();

    /** A new meeting of the unit, persisted; its action items are added with {@link ActionItem#add}. */
    public static Meeting record(String unitCode, LocalDate heldOn, String title, int attendeesCount,
                                 List<AgendaItem> agenda, List<String> decisions) {
        Meeting meeting = new Meeting();
        meeting.id = UUID.randomUUID();
        meeting.unitCode = unitCode;
        meeting.heldOn = heldOn;
        meeting.title = title;
        meeting.attendeesCount = attendeesCount;
        meeting.agenda = agenda;
        meeting.decisions = decisions;
        meeting.persist();
        return meeting;
    }

    public record AgendaItem(String title, List<String> indicatorCodes, List<UUID> activityIds) {
    }
}
