package th.go.ita.scoring.round;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One assessment round: a fiscal year under one framework version, for a unit and everything below it. */
@Entity
@Table(name = "assessment_round")
public class AssessmentRound extends PanacheEntityBase {

    public enum State {
        DRAFT, OPEN, CLOSED, PUBLISHED;

        /** Rounds only move forward, one step at a time: results once published stay published. */
        public boolean canBecome(State next) {
            return next.ordinal() == ordinal() + 1;
        }
    }

    @Id
    public UUID id;

    public String name;

    @Column(name = "fiscal_year")
    public int fiscalYear;

    @Column(name = "framework_id")
    public String frameworkId;

    @Column(name = "framework_version")
    public int frameworkVersion;

    @Column(name = "scope_unit_code")
    public String scopeUnitCode;

    @Enumerated(EnumType.STRING)
    public State state = State.DRAFT;

    @Column(name = "survey_opens_at")
    public Instant surveyOpensAt;
    @Column(name = "survey_closes_at")
    public Instant surveyClosesAt;
    @Column(name = "oit_deadline")
    public Instant oitDeadline;
    @Column(name = "review_opens_at")
    public Instant reviewOpensAt;
    @Column(name = "review_closes_at")
    public Instant reviewClosesAt;
    @Column(name = "correction_closes_at")
    public Instant correctionClosesAt;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
