package th.go.ita.survey.response;

import th.go.ita.platform.problem.Problem;
import th.go.ita.platform.problem.ProblemException;
import th.go.ita.platform.problem.ProblemMessages;
import th.go.ita.survey.questionnaire.Questionnaire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Checks answers against the questionnaire: each known, from its option set, required ones there. */
final class AnswerValidator {

    private AnswerValidator() {
    }

    static void check(Questionnaire questionnaire, Map<String, String> answers, String respondentCategory) {
        List<Problem.FieldError> errors = new ArrayList<>();
        TreeSet<String> unanswered = new TreeSet<>(answers.keySet());
        for (Questionnaire.Section section : questionnaire.sections()) {
            for (Questionnaire.Question question : section.questions()) {
                unanswered.remove(question.code());
                String answer = answers.get(question.code());
                if (answer == null) {
                    if (question.required()) {
                        errors.add(error("answers." + question.code(), "answer.missing"));
                    }
                } else if (question.options().stream().noneMatch(o -> o.code().equals(answer))) {
                    errors.add(error("answers." + question.code(), "answer.unknown-option"));
                }
            }
        }
        for (String extra : unanswered) {
            errors.add(error("answers." + abbreviate(extra), "answer.unknown-question"));
        }
        if (respondentCategory != null && questionnaire.respondentCategories().stream()
                .noneMatch(c -> c.code().equals(respondentCategory))) {
            errors.add(error("respondentCategory", "answer.unknown-category"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "invalid-answers", errors);
        }
    }

    private static Problem.FieldError error(String field, String key) {
        return new Problem.FieldError(field, ProblemMessages.en(key), ProblemMessages.th(key), ProblemMessages.en(key));
    }

    private static String abbreviate(String key) {
        return key.length() > 40 ? key.substring(0, 40) + "…" : key;
    }
}
