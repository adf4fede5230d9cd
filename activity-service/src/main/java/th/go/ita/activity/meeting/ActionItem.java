package th.go.ita.activity.meeting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Something a meeting decided someone must do by a date. */
@Entity
@Table(name = "action_item")
public class ActionItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "meeting_id")
    public UUID meetingId;

    @Column(name = "unit_code")
    public String unitCode;

    public String description;

    public String owner;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "done_on")
    public LocalDate doneOn;

    /** A new action item of the meeting, persisted; {@code doneOn} null while still to do. */
    public static ActionItem add(Meeting meeting, String description, String owner, LocalDate dueOn, LocalDate doneOn) {
        ActionItem item = new ActionItem();
        item.id = UUID.randomUUID();
        item.meetingId = meeting.id;
        item.unitCode = meeting.unitCode;
        item.description = description;
        item.owner = owner;
        item.dueOn = dueOn;
        item.doneOn = doneOn;
        item.persist();
        return item;
    }

    public static List<ActionItem> overdue(String unitCode, LocalDate today) {
        return list("unitCode = ?1 and doneOn is null and dueOn < ?2 order by dueOn", unitCode, today);
    }
}
