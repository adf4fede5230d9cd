import { useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useHttpClient } from '../api/ApiContext';
import { ProblemError } from '../api/http';
import { useFontsWhenQuiet } from '../fonts/fonts';
import { languageOf } from '../i18n';
import { surveyApi, type Instrument, type Questionnaire, type Receipt } from './api';
import {
  buildSubmission,
  codeFromFragment,
  firstIncompleteStep,
  missingAnswers,
  normaliseCode,
  progressPercent,
  stepsOf,
  textIn,
} from './flow';
import { clearProgress, loadProgress, saveProgress, startingPoint, type KeptProgress } from './keptProgress';
import { startCodeCheck, takeCodeCheck } from './earlyCodeCheck';
import { SUBMIT_RETRY, withRetry } from './retry';
import { SectionScreen } from './SectionScreen';
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
  // A slip's QR: its code is checked while the questionnaire is still on its way (when it is
  // already here, the questionnaire's own first render checks it).
  const waiting = query.isPending;
  useEffect(() => {
    const qrCode = instrument === 'IIT' ? codeFromFragment(window.location.hash) : null;
    if (qrCode && waiting) startCodeCheck(roundId, unitCode, qrCode, () => api.checkCode({ roundId, unitCode, code: qrCode }));
    // Once, as the page opens: a later change of `waiting` is the questionnaire arriving.
  }, [api, instrument, roundId, unitCode]);
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

/** What a respondent has not started yet is not worth keeping (nor is a submission id never sent). */
function worthKeeping(progress: KeptProgress): boolean {
  return progress.step > 0 || progress.code !== null || progress.category !== null || Object.keys(progress.answers).length > 0;
}

function Flow({ questionnaire }: { questionnaire: Questionnaire }) {
  const { t, i18n } = useTranslation('survey');
  const language = languageOf(i18n);
  const http = useHttpClient();
  const api = useMemo(() => surveyApi(http), [http]);
  const steps = useMemo(() => stepsOf(questionnaire), [questionnaire]);
  const { roundId, unitCode, instrument } = questionnaire;
  // Read once: the kept progress of a reload, and the code of a QR (IIT).
  const [start] = useState(() =>
    startingPoint(
      loadProgress(storage(), roundId, unitCode, instrument),
      instrument === 'IIT' ? codeFromFragment(window.location.hash) : null,
      steps.length - 1,
    ),
  );
  const [progress, setProgress] = useState<KeptProgress>(start.progress);
  const [typedCode, setTypedCode] = useState(start.checkCode ?? start.progress.code ?? '');
  const [browserToken, setBrowserToken] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [sending, setSending] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [alreadyAnswered, setAlreadyAnswered] = useState(false);
  // Set when "next" or "submit" found unanswered questions: the section shows them marked.
  const [markMissing, setMarkMissing] = useState(false);
  const { answers, code, category, step: current } = progress;
  useFontsWhenQuiet(checking || sending);

  useEffect(() => {
    if (start.dropped) clearProgress(storage(), roundId, unitCode, instrument);
  }, [start, roundId, unitCode, instrument]);

  useEffect(() => {
    if (receipt) return;
    if (worthKeeping(progress)) saveProgress(storage(), roundId, unitCode, instrument, progress);
  }, [progress, receipt, roundId, unitCode, instrument]);

  const checkedQr = useRef(false);
  useEffect(() => {
    if (instrument !== 'IIT') return;
    // Out of the address bar (and so out of history and bookmarks) once read.
    if (window.location.hash) window.history.replaceState(null, '', window.location.pathname + window.location.search);
    if (start.checkCode && !checkedQr.current) {
      checkedQr.current = true;
      void enterCode(start.checkCode);
    }
    // The QR's code is checked once, on the first render (enterCode is deliberately not a dependency).
  }, [instrument, start]);

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
    setMarkMissing(false);
    setProgress((p) => ({ ...p, step: index }));
    document.getElementById('main')?.scrollIntoView?.();
  };

  /** Checked before any question is shown, so a used or mistyped code is known now, not after 30 answers. */
  async function enterCode(typed: string) {
    const normalised = normaliseCode(typed);
    if (!normalised) {
      setMessage(t('respond.codeMalformed'));
      return;
    }
    setChecking(true);
    setMessage(null);
    try {
      // Writes nothing, so it may be asked again when the network drops it; twice is enough before saying so.
      const { usable } =
        (await takeCodeCheck(roundId, unitCode, normalised)) ??
        (await withRetry((signal) => api.checkCode({ roundId, unitCode, code: normalised }, signal), {
          ...SUBMIT_RETRY,
          attempts: 2,
        }));
      if (!usable) {
        setMessage(t('respond.codeNotUsable'));
        return;
      }
      setTypedCode(normalised);
      setProgress((p) => ({ ...p, code: normalised }));
      go(current + 1);
    } catch (error) {
      setMessage(error instanceof ProblemError ? error.detailFor(language) : t('respond.checkFailed'));
    } finally {
      setChecking(false);
    }
  }

  async function submit() {
    const incomplete = firstIncompleteStep(steps, questionnaire, answers);
    if (incomplete >= 0) {
      go(incomplete);
      setMarkMissing(true);
      return;
    }
    setSending(true);
    setMessage(null);
    try {
      // Timeouts and dropped connections are sent again with the same submission id: counted once.
      const result = await withRetry((signal) =>
        api.submit(
          buildSubmission(questionnaire, answers, {
            submissionId: progress.submissionId,
            code,
            respondentCategory: category,
            browserToken,
          }),
          signal,
        ),
      );
      // Acknowledged ("received", or "already-received" for a repeat): nothing stays on the phone.
      clearProgress(storage(), roundId, unitCode, instrument);
      // Keep only a marker, not the token: a token left on the phone could, with the database and
      // the server secret, be matched to the spent-token row written with this response.
      if (instrument === 'EIT') storage()?.setItem(browserKey(roundId, unitCode), ANSWERED);
      setReceipt(result);
      setProgress((p) => ({ ...p, answers: {}, code: null }));
      document.getElementById('main')?.scrollIntoView?.();
    } catch (error) {
      if (error instanceof ProblemError) {
        setMessage(error.detailFor(language));
        if (error.type.includes(':code-')) {
          // A refused submission is rolled back whole, its id included: the answers wait for a new code.
          setProgress((p) => ({ ...p, code: null, step: 0 }));
          setTypedCode('');
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

  // Beside the buttons, where the thumb is, and announced by screen readers when it changes.
  const notice = (
    <div className="survey-notice" role="alert" aria-live="assertive" aria-atomic="true">
      {message && <p className="alert">{message}</p>}
    </div>
  );

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

      {step.kind === 'code' && (
        <form
          className="survey-card"
          onSubmit={(event) => {
            event.preventDefault();
            void enterCode(typedCode);
          }}
        >
          <label htmlFor="survey-code" className="survey-label">
            {t('respond.codeLabel')}
          </label>
          <p className="muted" id="survey-code-help">
            {t('respond.codeHelp')}
          </p>
          <input
            id="survey-code"
            className="survey-code-input"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            inputMode="text"
            aria-describedby="survey-code-help"
            aria-invalid={message ? true : undefined}
            value={typedCode}
            onChange={(event) => setTypedCode(event.target.value)}
          />
          {notice}
          <div className="survey-actions">
            <button type="submit" className="button primary survey-next" disabled={checking}>
              {checking ? t('respond.checking') : t('respond.start')}
            </button>
          </div>
        </form>
      )}

      {step.kind === 'category' && (
        <div className="survey-card">
          <fieldset className="survey-question">
            <legend className="survey-label">{t('respond.categoryLabel')}</legend>
            <div className="survey-options">
              {questionnaire.respondentCategories.map((c) => (
                <label key={c.code} className="survey-option">
                  <input
                    type="radio"
                    name="category"
                    value={c.code}
                    checked={category === c.code}
                    onChange={() => setProgress((p) => ({ ...p, category: c.code }))}
                  />
                  <span>{textIn(c.name, language)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {notice}
          <div className="survey-actions">
            <button type="button" className="button primary survey-next" onClick={() => go(current + 1)}>
              {t('respond.next')}
            </button>
          </div>
        </div>
      )}

      {step.kind === 'section' && (
        <SectionScreen
          key={step.index}
          questionnaire={questionnaire}
          index={step.index}
          answers={answers}
          markMissing={markMissing}
          notice={message}
          onAnswer={(question, option) => setProgress((p) => ({ ...p, answers: { ...p.answers, [question]: option } }))}
          onBack={current > 0 ? () => go(current - 1) : undefined}
          onNext={() => {
            if (missingAnswers(questionnaire, answers, step.index).length > 0) {
              setMarkMissing(true);
              return false;
            }
            go(current + 1);
            return true;
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
          {notice}
          <div className="survey-actions">
            <button type="button" className="button secondary" onClick={() => go(current - 1)}>
              {t('respond.back')}
            </button>
            <button type="button" className="button primary survey-next" disabled={sending} onClick={() => void submit()}>
              {sending ? t('respond.sending') : t('respond.submit')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
