package th.go.ita.scoring.official;

import jakarta.validation.constraints.NotNull;

/**
 * CSV text wrapped in JSON, for clients whose HTTP helper speaks JSON only (the web app): the
 * import endpoints take it as well as a plain {@code text/csv} body, with the same checks.
 */
public record CsvUpload(@NotNull String csv) {
}
