package th.go.ita.survey.code;

import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** Void the listed codes (as printed), or every unused code of one batch. */
public record VoidCodesRequest(@Size(max = 2000) List<String> codes, UUID batchId) {
}
