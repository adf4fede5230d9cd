import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { questionTypes, type OwnSurvey, type OwnSurveyInput, type QuestionType } from './api';

interface DraftQuestion {
  type: QuestionType;
  textTh: string;
  textEn: string;
  required: boolean;
  /** One option per line, "ไทย | English": quick to type and to paste from a document. */
  options: string;
}

function draftOf(survey?: OwnSurvey): { titleTh: string; titleEn: string; introTh: string; introEn: string; questions: DraftQuestion[] } {
  return {
    titleTh: survey?.title.th ?? '',
    titleEn: survey?.title.en ?? '',
    introTh: survey?.intro?.th ?? '',
    introEn: survey?.intro?.en ?? '',
    questions: survey
      ? survey.questions.map((q) => ({
          type: q.type,
          textTh: q.text.th ?? '',
          textEn: q.text.en ?? '',
          required: q.required,
          options:
            q.type === 'SINGLE_CHOICE' || q.type === 'MULTIPLE_CHOICE'
              ? q.options.map((o) => (o.label.en ? `${o.label.th} | ${o.label.en}` : (o.label.th ?? ''))).join('\n')
              : '',
        }))
      : [{ type: 'LIKERT_5', textTh: '', textEn: '', required: true, options: '' }],
  };
}

const hasOptions = (type: QuestionType) => type === 'SINGLE_CHOICE' || type === 'MULTIPLE_CHOICE';

/** What the service expects, from what the editor holds. */
export function inputOf(draft: ReturnType<typeof draftOf>): OwnSurveyInput {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    titleTh: draft.titleTh.trim(),
    titleEn: optional(draft.titleEn),
    introTh: optional(draft.introTh),
    introEn: optional(draft.introEn),
    questions: draft.questions.map((q) => ({
      type: q.type,
      textTh: q.textTh.trim(),
      textEn: optional(q.textEn),
      required: q.required,
      options: hasOptions(q.type)
        ? q.options
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
            .map((line) => {
              const [th, en] = line.split('|').map((part) => part.trim());
              return { labelTh: th ?? '', labelEn: en || undefined };
            })
        : undefined,
    })),
  };
}

/** Builds or edits a DRAFT survey: Thai texts first, English beside them. */
export function OwnSurveyEditor(props: { survey?: OwnSurvey; saving: boolean; onSave: (input: OwnSurveyInput) => void }) {
  const { t } = useTranslation('survey');
  const [draft, setDraft] = useState(() => draftOf(props.survey));
  const setQuestion = (index: number, change: Partial<DraftQuestion>) =>
    setDraft((d) => ({ ...d, questions: d.questions.map((q, i) => (i === index ? { ...q, ...change } : q)) }));
  return (
    <form
      className="own-editor"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave(inputOf(draft));
      }}
    >
      <label>
        {t('own.titleTh')}
        <input value={draft.titleTh} required maxLength={300} onChange={(e) => setDraft({ ...draft, titleTh: e.target.value })} />
      </label>
      <label>
        {t('own.titleEn')}
        <input value={draft.titleEn} maxLength={300} onChange={(e) => setDraft({ ...draft, titleEn: e.target.value })} />
      </label>
      <label>
        {t('own.introTh')}
        <textarea value={draft.introTh} maxLength={2000} rows={2} onChange={(e) => setDraft({ ...draft, introTh: e.target.value })} />
      </label>
      <label>
        {t('own.introEn')}
        <textarea value={draft.introEn} maxLength={2000} rows={2} onChange={(e) => setDraft({ ...draft, introEn: e.target.value })} />
      </label>
      {draft.questions.map((q, index) => (
        <fieldset key={index} className="own-question">
          <legend>{t('own.questionN', { n: index + 1 })}</legend>
          <label>
            {t('own.type')}
            <select value={q.type} onChange={(e) => setQuestion(index, { type: e.target.value as QuestionType })}>
              {questionTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`own.types.${type}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('own.textTh')}
            <input value={q.textTh} required maxLength={500} onChange={(e) => setQuestion(index, { textTh: e.target.value })} />
          </label>
          <label>
            {t('own.textEn')}
            <input value={q.textEn} maxLength={500} onChange={(e) => setQuestion(index, { textEn: e.target.value })} />
          </label>
          {hasOptions(q.type) && (
            <label>
              {t('own.options')}
              <textarea value={q.options} rows={4} onChange={(e) => setQuestion(index, { options: e.target.value })} />
            </label>
          )}
          <label className="own-inline">
            <input type="checkbox" checked={q.required} onChange={(e) => setQuestion(index, { required: e.target.checked })} />{' '}
            {t('own.required')}
          </label>
          {draft.questions.length > 1 && (
            <button
              type="button"
              className="button secondary"
              onClick={() => setDraft((d) => ({ ...d, questions: d.questions.filter((_, i) => i !== index) }))}
            >
              {t('own.removeQuestion', { n: index + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      <p>
        <button
          type="button"
          className="button secondary"
          onClick={() =>
            setDraft((d) => ({ ...d, questions: [...d.questions, { type: 'LIKERT_5', textTh: '', textEn: '', required: true, options: '' }] }))
          }
        >
          {t('own.addQuestion')}
        </button>{' '}
        <button type="submit" className="button" disabled={props.saving}>
          {t('own.save')}
        </button>
      </p>
    </form>
  );
}
