package th.go.ita.activity.meeting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import th.go.ita.activity.meeting.MeetingApi.ActionView;
import th.go.ita.activity.meeting.MeetingApi.MeetingRequest;
import th.go.ita.activity.meeting.MeetingApi.MeetingView;
import th.go.ita.activity.plan.Activity;
import th.go.ita.activity.plan.Today;
import th.go.ita.platform.problem.ProblemException;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MeetingService {

    public List<MeetingView> ofUnit(String unitCode) {
        List<Meeting> meetings = Meeting.list("unitCode = ?1 order by heldOn desc", unitCode);
        return meetings.stream().map(MeetingService::view).toList();
    }

    public Meeting require(UUID id) {
        return Meeting.<Meeting>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("meeting-not-found", id));
    }

    public ActionItem requireAction(UUID id) {
        return ActionItem.<ActionItem>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("action-not-found", id));
    }

    @Transactional
    public MeetingView record(String unitCode, MeetingRequest request) {
        List<Meeting.AgendaItem> agenda = request.agenda() == null ? List.of() : request.agenda().stream()
                .map(a -> new Meeting.AgendaItem(a.title().strip(),
                        a.indicatorCodes() == null ? List.of() : a.indicatorCodes().stream().distinct().toList(),
                        a.activityIds() == null ? List.of() : a.activityIds().stream().distinct().toList()))
                .toList();
        for (Meeting.AgendaItem item : agenda) {
            for (UUID activityId : item.activityIds()) {
                Activity activity = Activity.findById(activityId);
                // An agenda may only point at the unit's own activities, never reveal another office's.
                if (activity == null || !activity.unitCode.equals(unitCode)) {
                    throw ProblemException.badRequest("agenda-activity-unknown", activityId);
                }
            }
        }
        Meeting meeting = Meeting.record(unitCode, request.heldOn(), request.title().strip(), request.attendeesCount(),
                agenda, request.decisions() == null ? List.of() : List.copyOf(request.decisions()));
        if (request.actions() != null) {
            for (MeetingApi.ActionRequest a : request.actions()) {
                ActionItem.add(meeting, a.description().strip(), a.owner().strip(), a.dueOn(), null);
            }
        }
        return view(meeting);
    }

    @Transactional
    public ActionView done(UUID actionId) {
        ActionItem item = requireAction(actionId);
        if (item.doneOn == null) {
            item.doneOn = Today.date();
        }
        return actionView(item, Today.date());
    }

    public List<ActionView> overdue(String unitCode) {
        LocalDate today = Today.date();
        return ActionItem.overdue(unitCode, today).stream().map(a -> actionView(a, today)).toList();
    }

    public static MeetingView view(Meeting m) {
        LocalDate today = Today.date();
        List<ActionItem> actions = ActionItem.list("meetingId = ?1 order by dueOn, description", m.id);
        return new MeetingView(m.id, m.unitCode, m.heldOn, m.title, m.attendeesCount, m.agenda, m.decisions,
                actions.stream().map(a -> actionView(a, today)).toList());
    }

    static ActionView actionView(ActionItem a, LocalDate today) {
        return new ActionView(a.id, a.meetingId, a.unitCode, a.description, a.owner, a.dueOn, a.doneOn,
                a.doneOn == null && a.dueOn.isBefore(today));
    }
}
