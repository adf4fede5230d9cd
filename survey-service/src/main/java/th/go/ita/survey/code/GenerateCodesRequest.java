package th.go.ita.survey.code;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code count} defaults to the unit's staff count. */
public record GenerateCodesRequest(@Min(1) @Max(2000) Integer count) {
}
