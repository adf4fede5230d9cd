package th.go.ita.activity.mentoring;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import th.go.ita.activity.plan.PlanApi;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public final class MentoringApi {
    private MentoringApi() {
    }

    public record AssignmentRequest(
            @NotBlank @Size(max = 200) String mentorName,
            @NotNull MentorAssignment.Kind mentorKind,
            @Pattern(regexp = PlanApi.INDICATOR_CODE) String indicatorCode,
            @NotNull LocalDate startedOn,
            @Size(max = 5000) String notes) {
    }

    public record LogRequest(
            @NotNull LocalDate heldOn,
            @NotNull MentoringLog.Kind kind,
            @NotBlank @Size(max = 5000) String summary,
            @Size(max = 1000) String followUp,
            LocalDate followUpDue) {
    }

    public record LogView(UUID id, LocalDate heldOn, MentoringLog.Kind kind, String summary, String followUp,
                          LocalDate followUpDue, LocalDate followUpDoneOn, boolean followUpOverdue) {
    }

    public record AssignmentView(UUID id, String unitCode, String mentorName, MentorAssignment.Kind mentorKind,
                                 String indicatorCode, LocalDate startedOn, String notes, List<LogView> logs) {
    }
}
