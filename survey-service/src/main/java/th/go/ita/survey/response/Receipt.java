package th.go.ita.survey.response;

import java.time.LocalDate;

/**
 * What a respondent gets back: that the answers arrived and on which day. Deliberately no response
 * id or number, which could be shown to someone as proof of how one answered.
 */
public record Receipt(String status, LocalDate receivedOn) {
}
