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

/** ระบบพี่เลี้ยง: a mentor (a person or a team) for a unit, or for one of its indicators. */
@Entity
@Table(name = "mentor_assignment")
public class MentorAssignment extends PanacheEntityBase {

    public enum Kind { PERSON, TEAM }

    @Id
    public UUID id;

    @Column(name = "unit_code")
    public String unitCode;

    @Column(name = "mentor_name")
    public String mentorName;

    @Enumerated(EnumType.STRING)
    @Column(name = "mentor_kind")
    public Kind mentorKind;

    /** Null when the mentor looks after the whole unit. */
    @Column(name = "indicator_code")
    public String indicatorCode;

    @Column(name = "started_on")
    public LocalDate startedOn;

    public String notes;

    @Column(name = "created_at")
    public OffsetDateTime createdAt = OffsetDateTime.now();

    /** A new mentor of the unit, persisted. */
    public static MentorAssignment assign(String unitCode, String mentorName, Kind mentorKind, String indicatorCode,
                                          LocalDate startedOn, String notes) {
        MentorAssignment assignment = new MentorAssignment();
        assignment.id = UUID.randomUUID();
        assignment.unitCode = unitCode;
        assignment.mentorName = mentorName;
        assignment.mentorKind = mentorKind;
        assignment.indicatorCode = indicatorCode;
        assignment.startedOn = startedOn;
        assignment.notes = notes;
        assignment.persist();
        return assignment;
    }
}
