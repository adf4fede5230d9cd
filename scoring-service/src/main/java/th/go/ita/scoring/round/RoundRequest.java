package th.go.ita.scoring.round;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** A round as created or edited (while still a draft). */
public record RoundRequest(
        @NotBlank @Size(max = 300) String name,
        @NotNull @Min(2500) @Max(2700) Integer fiscalYear,
        @NotBlank String frameworkId,
        @NotNull @Min(1) Integer frameworkVersion,
        @NotBlank String scopeUnitCode,
        Instant surveyOpensAt, Instant surveyClosesAt, Instant oitDeadline,
        Instant reviewOpensAt, Instant reviewClosesAt, Instant correctionClosesAt) {
}
