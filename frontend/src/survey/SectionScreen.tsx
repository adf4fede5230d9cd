import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../i18n';
import type { Questionnaire } from './api';
import { missingAnswers, textIn } from './flow';
import { jumpToQuestion, questionDomId } from './jump';

/**
 * One section of the questionnaire on one screen. When "next" (or "submit" on the review) finds
 * required questions unanswered, they are marked (visibly and with aria-invalid), the first one is
 * scrolled to and focused, and the count is announced beside the buttons.
 */
export function SectionScreen(props: {
  questionnaire: Questionnaire;
  index: number;
  answers: Record<string, string>;
  /** Mark the unanswered required questions (and jump to the first). */
  markMissing: boolean;
  /** A message of the flow (e.g. from the service), shown beside the buttons. */
  notice: string | null;
  onAnswer: (question: string, option: string) => void;
  onBack?: () => void;
  /** @return false when the section is not complete: the screen stays and jumps. */
  onNext: () => boolean;
}) {
  const { t, i18n } = useTranslation('survey');
  const language = languageOf(i18n);
  const section = props.questionnaire.sections[props.index];
  const missing = missingAnswers(props.questionnaire, props.answers, props.index);
  // Counts up each time "next" finds gaps, so a second press jumps (and announces) again.
  const [attempt, setAttempt] = useState(0);
  const firstMissing = props.markMissing ? missing[0] : undefined;

  useEffect(() => {
    if (props.markMissing && firstMissing) jumpToQuestion(firstMissing);
    // Only when marking starts or "next" is pressed again, not on every answer.
  }, [props.markMissing, attempt]);

  if (!section) return null;
  const numberOf = (code: string) => section.questions.findIndex((q) => q.code === code) + 1;
  const announcement =
    props.markMissing && firstMissing
      ? t('respond.missing', { count: missing.length, first: numberOf(firstMissing) })
      : props.notice;
  return (
    <div className="survey-card">
      <h2>{textIn(section.name, language)}</h2>
      {section.questions.map((q, n) => {
        const invalid = props.markMissing && missing.includes(q.code);
        const legendId = `${questionDomId(q.code)}-text`;
        const errorId = `${questionDomId(q.code)}-error`;
        return (
          <fieldset key={q.code} id={questionDomId(q.code)} className={invalid ? 'survey-question missing' : 'survey-question'}>
            <legend id={legendId}>
              <span className="survey-qno">{n + 1}.</span> {textIn(q.text, language)}
              {!q.required && <span className="muted"> ({t('respond.optional')})</span>}
            </legend>
            {invalid && (
              <p className="survey-question-error" id={errorId}>
                {t('respond.answerThis')}
              </p>
            )}
            <div
              role="radiogroup"
              aria-labelledby={legendId}
              aria-required={q.required || undefined}
              aria-invalid={invalid || undefined}
              aria-describedby={invalid ? errorId : undefined}
              className={q.yesNo ? 'survey-options yes-no' : 'survey-options'}
            >
              {q.options.map((o) => (
                <label key={o.code} className="survey-option">
                  <input
                    type="radio"
                    name={`q-${q.code}`}
                    value={o.code}
                    checked={props.answers[q.code] === o.code}
                    onChange={() => props.onAnswer(q.code, o.code)}
                  />
                  <span>{textIn(o.label, language)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      <div className="survey-notice" role="alert" aria-live="assertive" aria-atomic="true">
        {announcement && <p className="alert">{announcement}</p>}
      </div>
      <div className="survey-actions">
        {props.onBack && (
          <button type="button" className="button secondary" onClick={props.onBack}>
            {t('respond.back')}
          </button>
        )}
        <button
          type="button"
          className="button primary survey-next"
          onClick={() => {
            if (!props.onNext()) setAttempt((a) => a + 1);
          }}
        >
          {t('respond.next')}
        </button>
      </div>
    </div>
  );
}
