package th.go.ita.activity.plan;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Request and response bodies of plans, KPIs and activities. */
public final class PlanApi {

    /** ITA indicator codes as the framework names them ("1" … "10", "9.1"), or TOTAL for the overall score. */
    public static final String INDICATOR_CODE = "TOTAL|[0-9]{1,2}(\\.[0-9]{1,2})?";
    public static final String OIT_ITEM_CODE = "O[0-9]{1,3}";

    private PlanApi() {
    }

    public record PlanRequest(
            @NotNull @Min(2500) @Max(2700) Integer fiscalYear,
            @NotBlank @Size(max = 300) String title,
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> goals,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal indicatorTarget) {
    }

    public record PlanUpdate(
            @NotBlank @Size(max = 300) String title,
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> goals,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal indicatorTarget) {
    }

    public record KpiRequest(
            @NotBlank @Size(max = 300) String name,
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal target,
            @NotBlank @Size(max = 50) String unitOfMeasure,
            @Pattern(regexp = INDICATOR_CODE) String indicatorCode) {
    }

    public record ActualRequest(
            @NotNull LocalDate recordedOn,
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal value,
            @Size(max = 1000) String note) {
    }

    public record ActivityRequest(
            @NotBlank @Size(max = 300) String name,
            @Size(max = 5000) String description,
            @NotEmpty Set<@NotNull MettaElement> mettaElements,
            @NotNull PdcaPhase pdcaPhase,
            @Size(max = 20) List<@NotNull @Pattern(regexp = INDICATOR_CODE) String> indicatorCodes,
            @Size(max = 50) List<@NotNull @Pattern(regexp = OIT_ITEM_CODE) String> oitItemCodes,
            Set<@NotNull HonestTrait> honestTraits,
            @Size(max = 200) String owner,
            @PositiveOrZero Integer participantsCount,
            LocalDate startsOn,
            LocalDate endsOn,
            @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal budget,
            ActivityStatus status,
            @Size(max = 5000) String notes,
            @Size(max = 20) List<@NotNull @Size(max = 1000) @Pattern(regexp = "https?://\\S+") String> evidenceLinks) {
    }

    public record CopyRequest(
            @Size(max = 50) String templateCode,
            @Min(2500) @Max(2700) Integer fromYear) {
    }

    public record PlanSummary(UUID id, String unitCode, int fiscalYear, String title, Progress progress) {
    }

    public record Progress(int activities, int done, int inProgress, int cancelled, BigDecimal completionRate) {
    }

    public record ActualView(UUID id, LocalDate recordedOn, BigDecimal value, String note) {
    }

    public record KpiView(UUID id, String name, BigDecimal target, String unitOfMeasure, String indicatorCode,
                          BigDecimal latestActual, boolean reached, List<ActualView> actuals) {
    }

    public record ActivityView(UUID id, UUID planId, String unitCode, int fiscalYear, String templateCode,
                               String name, String description, List<MettaElement> mettaElements,
                               PdcaPhase pdcaPhase, List<String> indicatorCodes, List<String> oitItemCodes,
                               List<HonestTrait> honestTraits, String owner, Integer participantsCount,
                               LocalDate startsOn, LocalDate endsOn, BigDecimal budget, ActivityStatus status,
                               String notes, List<String> evidenceLinks, LocalDate completedOn) {
    }

    public record PlanView(UUID id, String unitCode, int fiscalYear, String title, List<String> goals,
                           BigDecimal indicatorTarget, Progress progress, List<KpiView> kpis,
                           List<ActivityView> activities) {
    }
}
