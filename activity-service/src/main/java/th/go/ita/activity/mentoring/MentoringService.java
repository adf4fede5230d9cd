package th.go.ita.activity.mentoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import th.go.ita.activity.mentoring.MentoringApi.AssignmentRequest;
import th.go.ita.activity.mentoring.MentoringApi.AssignmentView;
import th.go.ita.activity.mentoring.MentoringApi.LogRequest;
import th.go.ita.activity.mentoring.MentoringApi.LogView;
import th.go.ita.activity.plan.Today;
import th.go.ita.platform.problem.ProblemException;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MentoringService {

    public List<AssignmentView> ofUnit(String unitCode) {
        List<MentorAssignment> assignments = MentorAssignment.list("unitCode = ?1 order by startedOn, mentorName", unitCode);
        return assignments.stream().map(MentoringService::view).toList();
    }

    @Transactional
    public AssignmentView assign(String unitCode, AssignmentRequest request) {
        return view(MentorAssignment.assign(unitCode, request.mentorName().strip(), request.mentorKind(),
                request.indicatorCode(), request.startedOn(), request.notes()));
    }

    public MentorAssignment require(UUID id) {
        return MentorAssignment.<MentorAssignment>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("mentor-not-found", id));
    }

    public MentoringLog requireLog(UUID id) {
        return MentoringLog.<MentoringLog>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("mentoring-log-not-found", id));
    }

    @Transactional
    public AssignmentView log(UUID assignmentId, LogRequest request) {
        MentorAssignment assignment = require(assignmentId);
        if (request.followUpDue() != null && (request.followUp() == null || request.followUp().isBlank())) {
            throw ProblemException.badRequest("follow-up-missing");
        }
        MentoringLog.add(assignment, request.heldOn(), request.kind(), request.summary().strip(), request.followUp(),
                request.followUpDue());
        return view(assignment);
    }

    @Transactional
    public AssignmentView followUpDone(UUID logId) {
        MentoringLog log = requireLog(logId);
        if (log.followUpDoneOn == null) {
            log.followUpDoneOn = Today.date();
        }
        return view(MentorAssignment.findById(log.assignmentId));
    }

    static AssignmentView view(MentorAssignment a) {
        LocalDate today = Today.date();
        List<MentoringLog> logs = MentoringLog.list("assignmentId = ?1 order by heldOn, createdAt", a.id);
        return new AssignmentView(a.id, a.unitCode, a.mentorName, a.mentorKind, a.indicatorCode, a.startedOn, a.notes,
                logs.stream().map(l -> logView(l, today)).toList());
    }

    private static LogView logView(MentoringLog l, LocalDate today) {
        return new LogView(l.id, l.heldOn, l.kind, l.summary, l.followUp, l.followUpDue, l.followUpDoneOn,
                l.followUpDue != null && l.followUpDoneOn == null && l.followUpDue.isBefore(today));
    }

    /** Follow-ups of the unit's mentoring that are past due and not done. */
    public List<LogView> overdueFollowUps(String unitCode) {
        LocalDate today = Today.date();
        List<MentoringLog> logs = MentoringLog.list("""
                assignmentId in (select a.id from MentorAssignment a where a.unitCode = ?1)
                and followUpDue < ?2 and followUpDoneOn is null order by followUpDue""", unitCode, today);
        return logs.stream().map(l -> logView(l, today)).toList();
    }
}
