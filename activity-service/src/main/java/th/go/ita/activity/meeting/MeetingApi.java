package th.go.ita.activity.meeting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import th.go.ita.activity.plan.PlanApi;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public final class MeetingApi {
    private MeetingApi() {
    }

    public record AgendaRequest(
            @NotBlank @Size(max = 500) String title,
            @Size(max = 20) List<@NotNull @Pattern(regexp = PlanApi.INDICATOR_CODE) String> indicatorCodes,
            @Size(max = 20) List<@NotNull UUID> activityIds) {
    }

    public record ActionRequest(
            @NotBlank @Size(max = 1000) String description,
            @NotBlank @Size(max = 200) String owner,
            @NotNull LocalDate dueOn) {
    }

    public record MeetingRequest(
            @NotNull LocalDate heldOn,
            @NotBlank @Size(max = 300) String title,
            @NotNull @PositiveOrZero @Max(10000) Integer attendeesCount,
            @Size(max = 50) List<@Valid @NotNull AgendaRequest> agenda,
            @Size(max = 50) List<@NotBlank @Size(max = 2000) String> decisions,
            @Size(max = 50) List<@Valid @NotNull ActionRequest> actions) {
    }

    public record ActionView(UUID id, UUID meetingId, String unitCode, String description, String owner,
                             LocalDate dueOn, LocalDate doneOn, boolean overdue) {
    }

    public record MeetingView(UUID id, String unitCode, LocalDate heldOn, String title, int attendeesCount,
                              List<Meeting.AgendaItem> agenda, List<String> decisions, List<ActionView> actions) {
    }
}
