package th.go.ita.scoring.unit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A unit as created or edited; on edit the code and parent are ignored (moving is its own action). */
public record UnitRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,31}") String code,
        String parentCode,
        @NotBlank @Pattern(regexp = "NATIONAL|AREA_PRIMARY|AREA_SECONDARY|SCHOOL|OTHER") String type,
        @NotBlank @Size(max = 300) String nameTh,
        @Size(max = 300) String nameEn,
        @NotNull @Min(0) Integer staffCount,
        @NotNull @Min(0) Integer servicePopulation) {
}
