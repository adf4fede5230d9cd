import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useHttpClient } from '../../api/ApiContext';
import { ProblemError } from '../../api/http';
import { useFontsWhenQuiet } from '../../fonts/fonts';
import { languageOf } from '../../i18n';
import { textIn } from '../flow';
import '../survey.css';
import { ownSurveyApi, type OwnAnswers, type PublicSurvey } from './api';

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * One submission id per survey until it is accepted, so a retry after a dropped connection is
 * counted once; forgotten afterwards, so nothing on the phone ties it to the answer.
 */
export function ownSubmissionId(token: string, newId: () => string = () => crypto.randomUUID()): string {
  const key = `ita.own.submission.${token}`;
  const kept = storage()?.getItem(key);
  if (kept) return kept;
  const id = newId();
  storage()?.setItem(key, id);
  return id;
}

/** Required questions without an answer. */
export function missingOwnAnswers(survey: PublicSurvey, answers: OwnAnswers): string[] {
  return survey.questions
    .filter((q) => {
      const value = answers[q.code];
      return q.required && (value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === ''));
    })
    .map((q) => q.code);
}

/** Public page of an office's own survey (`/o/:token`): all questions on one phone-sized page. */
export function OwnRespondPage() {
  const { t } = useTranslation('survey');
  const { token = '' } = useParams();
  const http = useHttpClient();
  const api = useMemo(() => ownSurveyApi(http), [http]);
  const form = useQuery({ queryKey: ['own-form', token], queryFn: () => api.form(token), retry: false });
  useFontsWhenQuiet(form.isPending);
  if (form.isPending) return <p className="loading">{t('respond.loading')}</p>;
  if (form.isError) return <ProblemText error={form.error} />;
  return <OwnForm survey={form.data} />;
}

function ProblemText({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation('survey');
  return (
    <p className="alert" role="alert">
      {error instanceof ProblemError ? error.detailFor(languageOf(i18n)) : t('staff.failed')}
    </p>
  );
}

function OwnForm({ survey }: { survey: PublicSurvey }) {
  const { t, i18n } = useTranslation('survey');
  const language = languageOf(i18n);
  const http = useHttpClient();
  const api = useMemo(() => ownSurveyApi(http), [http]);
  const [answers, setAnswers] = useState<OwnAnswers>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);

  async function submit() {
    const gaps = missingOwnAnswers(survey, answers);
    setMissing(gaps);
    if (gaps.length > 0) return;
    setSending(true);
    setError(null);
    try {
      await api.submit(survey.token, ownSubmissionId(survey.token), answers);
      storage()?.removeItem(`ita.own.submission.${survey.token}`);
      setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  }

  if (done) {
    return (
      <section className="survey survey-done" aria-live="polite">
        <h1>{t('own.thanks')}</h1>
        <p className="muted">{t('own.anonymous')}</p>
      </section>
    );
  }
  const toggle = (code: string, option: string, on: boolean) =>
    setAnswers((a) => {
      const chosen = new Set(Array.isArray(a[code]) ? (a[code] as string[]) : []);
      if (on) chosen.add(option);
      else chosen.delete(option);
      return { ...a, [code]: [...chosen] };
    });

  return (
    <section className="survey" lang={language}>
      <header className="survey-head">
        <p className="survey-unit">{textIn(survey.unitName, language)}</p>
        <h1>{textIn(survey.title, language)}</h1>
        {survey.intro && <p>{textIn(survey.intro, language)}</p>}
        <p className="muted">{t('own.anonymous')}</p>
      </header>
      <form
        className="survey-card"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {survey.questions.map((q, n) => (
          <fieldset key={q.code} className="survey-question" aria-invalid={missing.includes(q.code) || undefined}>
            <legend>
              <span className="survey-qno">{n + 1}.</span> {textIn(q.text, language)}
              {!q.required && <span className="muted"> ({t('respond.optional')})</span>}
            </legend>
            {missing.includes(q.code) && (
              <p className="alert" role="alert">
                {t('own.answerThis')}
              </p>
            )}
            {q.type === 'SHORT_TEXT' ? (
              <input
                className="own-text-answer"
                aria-label={textIn(q.text, language)}
                maxLength={1000}
                value={typeof answers[q.code] === 'string' ? (answers[q.code] as string) : ''}
                onChange={(e) => setAnswers((a) => ({ ...a, [q.code]: e.target.value }))}
              />
            ) : (
              <div className={q.type === 'LIKERT_5' ? 'survey-options own-likert' : 'survey-options'}>
                {q.options.map((o) => (
                  <label key={o.code} className="survey-option">
                    {q.type === 'MULTIPLE_CHOICE' ? (
                      <input
                        type="checkbox"
                        checked={Array.isArray(answers[q.code]) && (answers[q.code] as string[]).includes(o.code)}
                        onChange={(e) => toggle(q.code, o.code, e.target.checked)}
                      />
                    ) : (
                      <input
                        type="radio"
                        name={q.code}
                        checked={answers[q.code] === o.code}
                        onChange={() => setAnswers((a) => ({ ...a, [q.code]: o.code }))}
                      />
                    )}
                    {q.type === 'LIKERT_5' ? `${o.code} · ` : ''}
                    {textIn(o.label, language)}
                  </label>
                ))}
              </div>
            )}
          </fieldset>
        ))}
        {error !== null && <ProblemText error={error} />}
        <div className="survey-actions">
          <button type="submit" className="button survey-next" disabled={sending}>
            {t('own.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
