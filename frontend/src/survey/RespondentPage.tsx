import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useHttpClient } from '../api/ApiContext';
import { ProblemError } from '../api/http';
import { languageOf } from '../i18n';
import { surveyApi, type Instrument, type Questionnaire, type Receipt } from './api';
import {
  buildSubmission,
  codeFromFragment,
  forgetSubmission,
  missingAnswers,
  normaliseCode,
  progressPercent,
  stepsOf,
  submissionIdFor,
  textIn,
} from './flow';
import './survey.css';

const ANSWERED = 'answered';

function browserKey(roundId: string, unitCode: string): string {
  return `ita.survey.browser.${roundId}.${unitCode}`;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The public respondent flow: code or category, one section per screen, review, confirmation. */
export function RespondentPage() {
  const { roundId = '', unitCode = '', instrument: instrumentParam = '' } = useParams();
  const instrument = instrumentParam.toUpperCase() as Instrument;
  const { t } = useTranslation('survey');
  const http = useHttpClient();
  const api = useMemo(() => surveyApi(http), [http]);
  const valid = instrument === 'IIT' || instrument === 'EIT';
  const query = useQuery({
    queryKey: ['survey', 'questionnaire', roundId, unitCode, instrument],
    queryFn: () => api.questionnaire(roundId, unitCode, instrument),
    enabled: valid,
    staleTime: Infinity,
  });
  if (!valid) return <p className="alert">{t('respond.notFound')}</p>;
  if (query.isPending) return <p className="loading">{t('respond.loading')}</p>;
  if (query.isError) return <ProblemText error={query.error} fallback={t('respond.loadFailed')} />;
  return <Flow questionnaire={query.data} />;
}

function ProblemText({ error, fallback }: { error: unknown; fallback: string }) {
  const { i18n } = useTranslation('survey');
  const text = error instanceof ProblemError ? error.detailFor(languageOf(i18n)) : fallback;
  return (
    <p className="alert" role="alert">
      {text}
    </p>
  );
}

function Flow({ questionnaire }: { questionnaire: Questionnaire }) {
  const { t, i18n } = useTranslation('survey');
  const language = languageOf(i18n);
  const http = useHttpClient();
  const api = useMemo(() => surveyApi(http), [http]);
  const steps = useMemo(() => stepsOf(questionnaire), [questionnaire]);
  const [current, setCurrent] = useState(0);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [typedCode, setTypedCode] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [browserToken, setBrowserToken] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [alreadyAnswered, setAlreadyAnswered] = useState(false);
  const { roundId, unitCode, instrument } = questionnaire;

  useEffect(() => {
    if (instrument !== 'IIT') return;
    const fromQr = codeFromFragment(window.location.hash);
    if (fromQr) {
      setCode(fromQr);
      setTypedCode(fromQr);
      setCurrent(1);
      // Out of the address bar (and so out of history and bookmarks) once read.
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
    }
  }, [instrument]);

  useEffect(() => {
    if (instrument !== 'EIT') return;
    const key = browserKey(roundId, unitCode);
    const kept = storage()?.getItem(key);
    if (kept === ANSWERED) {
      setAlreadyAnswered(true);
      return;
    }
    if (kept) {
      setBrowserToken(kept);
      return;
    }
    api
      .browserToken(roundId, unitCode)
      .then(({ browserToken: token }) => {
        storage()?.setItem(key, token);
        setBrowserToken(token);
      })
      .catch((error: unknown) => setMessage(error instanceof ProblemError ? error.detailFor(language) : t('respond.loadFailed')));
  }, [api, instrument, roundId, unitCode, language, t]);

  const step = steps[current];
  const go = (index: number) => {
    setMessage(null);
    setCurrent(index);
    document.getElementById('main')?.scrollIntoView?.();
  };

  async function submit() {
    const missing = missingAnswers(questionnaire, answers);
    if (missing.length > 0) {
      setMessage(t('respond.missing', { count: missing.length }));
      return;
    }
    setSending(true);
    setMessage(null);
    const submissionId = submissionIdFor(storage(), roundId, unitCode, instrument);
    try {
      const result = await api.submit(
        buildSubmission(questionnaire, answers, { submissionId, code, respondentCategory: category, browserToken }),
      );
      forgetSubmission(storage(), roundId, unitCode, instrument);
      // Keep only a marker, not the token: a token left on the phone could, with the database and
      // the server secret, be matched to the spent-token row written with this response.
      if (instrument === 'EIT') storage()?.setItem(browserKey(roundId, unitCode), ANSWERED);
      setReceipt(result);
      setAnswers({});
      setCode(null);
      go(steps.length);
    } catch (error) {
      if (error instanceof ProblemError) {
        setMessage(error.detailFor(language));
        if (error.type.includes(':code-')) {
          // A wrong code does not spend anything: a new submission id goes with the next code.
          forgetSubmission(storage(), roundId, unitCode, instrument);
          setCurrent(0);
        }
      } else {
        setMessage(t('respond.offline'));
      }
    } finally {
      setSending(false);
    }
  }

  if (alreadyAnswered && !receipt) {
    return (
      <section className="survey survey-done">
        <p className="alert">{t('respond.alreadyAnswered')}</p>
      </section>
    );
  }

  if (receipt || !step) {
    return (
      <section className="survey survey-done" aria-live="polite">
        <h1>{t('respond.thanks')}</h1>
        <p>{t('respond.received')}</p>
        <p className="muted">{t('respond.noReceipt')}</p>
      </section>
    );
  }

  return (
    <section className="survey" lang={language}>
      <header className="survey-head">
        <p className="survey-unit">{textIn(questionnaire.unitName, language)}</p>
        <h1>{textIn(questionnaire.name, language)}</h1>
        <div
          className="survey-progress"
          role="progressbar"
          aria-label={t('respond.progress')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progressPercent(steps, current)}
        >
          <div style={{ width: `${progressPercent(steps, current)}%` }} />
        </div>
        <p className="muted">{t('respond.stepOf', { step: current + 1, total: steps.length })}</p>
      </header>

      {message && (
        <p className="alert" role="alert">
          {message}
        </p>
      )}

      {step.kind === 'code' && (
        <form
          className="survey-card"
          onSubmit={(event) => {
            event.preventDefault();
            const normalised = normaliseCode(typedCode);
            if (!normalised) {
              setMessage(t('respond.codeMalformed'));
              return;
            }
            setCode(normalised);
            go(current + 1);
          }}
        >
          <label htmlFor="survey-code" className="survey-label">
            {t('respond.codeLabel')}
          </label>
          <p className="muted">{t('respond.codeHelp')}</p>
          <input
            id="survey-code"
            className="survey-code-input"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            inputMode="text"
            value={typedCode}
            onChange={(event) => setTypedCode(event.target.value)}
          />
          <button type="submit" className="button survey-next">
            {t('respond.start')}
          </button>
        </form>
      )}

      {step.kind === 'category' && (
        <fieldset className="survey-card">
          <legend className="survey-label">{t('respond.categoryLabel')}</legend>
          {questionnaire.respondentCategories.map((c) => (
            <label key={c.code} className="survey-option">
              <input
                type="radio"
                name="category"
                value={c.code}
                checked={category === c.code}
                onChange={() => setCategory(c.code)}
              />
              <span>{textIn(c.name, language)}</span>
            </label>
          ))}
          <button type="button" className="button survey-next" onClick={() => go(current + 1)}>
            {t('respond.next')}
          </button>
        </fieldset>
      )}

      {step.kind === 'section' && (
        <SectionScreen
          questionnaire={questionnaire}
          index={step.index}
          answers={answers}
          onAnswer={(question, option) => setAnswers((a) => ({ ...a, [question]: option }))}
          onBack={current > 0 ? () => go(current - 1) : undefined}
          onNext={() => {
            const missing = missingAnswers(questionnaire, answers, step.index);
            if (missing.length > 0) {
              setMessage(t('respond.missing', { count: missing.length }));
              return;
            }
            go(current + 1);
          }}
        />
      )}

      {step.kind === 'review' && (
        <div className="survey-card">
          <h2>{t('respond.review')}</h2>
          {questionnaire.sections.map((section, index) => (
            <section key={section.code} className="survey-review-section">
              <h3>{textIn(section.name, language)}</h3>
              <dl>
                {section.questions.map((q) => {
                  const chosen = q.options.find((o) => o.code === answers[q.code]);
                  return (
                    <div key={q.code}>
                      <dt>{textIn(q.text, language)}</dt>
                      <dd>{chosen ? textIn(chosen.label, language) : t('respond.notAnswered')}</dd>
                    </div>
                  );
                })}
              </dl>
              <button type="button" className="button secondary" onClick={() => go(steps.findIndex((s) => s.kind === 'section' && s.index === index))}>
                {t('respond.edit')}
              </button>
            </section>
          ))}
          <div className="survey-actions">
            <button type="button" className="button secondary" onClick={() => go(current - 1)}>
              {t('respond.back')}
            </button>
            <button type="button" className="button survey-next" disabled={sending} onClick={() => void submit()}>
              {sending ? t('respond.sending') : t('respond.submit')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function SectionScreen(props: {
  questionnaire: Questionnaire;
  index: number;
  answers: Record<string, string>;
  onAnswer: (question: string, option: string) => void;
  onBack?: () => void;
  onNext: () => void;
}) {
  const { t, i18n } = useTranslation('survey');
  const language = languageOf(i18n);
  const section = props.questionnaire.sections[props.index];
  if (!section) return null;
  return (
    <div className="survey-card">
      <h2>{textIn(section.name, language)}</h2>
      {section.questions.map((q, n) => (
        <fieldset key={q.code} className="survey-question">
          <legend>
            <span className="survey-qno">{n + 1}.</span> {textIn(q.text, language)}
            {!q.required && <span className="muted"> ({t('respond.optional')})</span>}
          </legend>
          <div className={q.yesNo ? 'survey-options yes-no' : 'survey-options'}>
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
      ))}
      <div className="survey-actions">
        {props.onBack && (
          <button type="button" className="button secondary" onClick={props.onBack}>
            {t('respond.back')}
          </button>
        )}
        <button type="button" className="button survey-next" onClick={props.onNext}>
          {t('respond.next')}
        </button>
      </div>
    </div>
  );
}
