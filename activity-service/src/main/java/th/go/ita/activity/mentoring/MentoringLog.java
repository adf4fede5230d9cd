package th.go.ita.activity.mentoring;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One visit or coaching session of a mentor, with what should follow and by when. */
@Entity
@Table(name = "mentoring_log")
public class MentoringLog extends PanacheEntityBase {

    public enum Kind { VISIT, COACHING }

    @Id
    public UUID id;

    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Column(name = "held_on")
    public LocalDate heldOn;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String summary;

    @Column(name = "follow_up")
    public String followUp;

    @Column(name = "follow_up_due")
    public LocalDate followUpDue;

    @Column(name = "follow_up_done_on")
    public LocalDate followUpDoneOn;

    @Column(name = "created_at")
    public OffsetDateTime createdAt = OffsetDateTime.now();

    /** A new session of the mentor, persisted; the follow-up is done later, or not yet. */
    public static MentoringLog add(MentorAssignment assignment, LocalDate heldOn, Kind kind, String summary,
                                   String followUp, LocalDate followUpDue) {
        MentoringLog log = new MentoringLog();
        log.id = UUID.randomUUID();
        log.assignmentId = assignment.id;
        log.heldOn = heldOn;
        log.kind = kind;
        log.summary = summary;
        log.followUp = followUp;
        log.followUpDue = followUpDue;
        log.persist();
        return log;
    }
}
