package th.go.ita.survey.own;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A survey as its unit-admin writes it: Thai texts required, English optional. */
public record OwnSurveyRequest(
        @NotBlank @Size(max = 300) String titleTh,
        @Size(max = 300) String titleEn,
        @Size(max = 2000) String introTh,
        @Size(max = 2000) String introEn,
        @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull QuestionInput> questions) {

    public record QuestionInput(
            @NotNull OwnQuestionType type,
            @NotBlank @Size(max = 500) String textTh,
            @Size(max = 500) String textEn,
            boolean required,
            @Size(max = 20) List<@Valid @NotNull OptionInput> options) {
    }

    public record OptionInput(@NotBlank @Size(max = 200) String labelTh, @Size(max = 200) String labelEn) {
    }
}
