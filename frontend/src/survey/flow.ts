import type { Questionnaire, SubmissionBody } from './api';

/**
 * The respondent flow as plain functions, so it can be tested without a browser: where the code
 * comes from, which screen comes next, what is still missing, and what is sent.
 */

/** Codes use 32 symbols without 0/O and 1/I; case, spaces and dashes do not matter. */
const CODE_SYMBOLS = /^[2-9A-HJ-NP-Z]{10}$/;

export function normaliseCode(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  return CODE_SYMBOLS.test(code) ? `${code.slice(0, 5)}-${code.slice(5)}` : null;
}

/**
 * The code from a QR's URL fragment (`#code=…`). Fragments are never sent to a server, so the code
 * is in no access log; the caller removes it from the address bar right after reading it.
 */
export function codeFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = params.get('code');
  return code ? normaliseCode(code) : null;
}

export type Step =
  | { kind: 'code' }
  | { kind: 'category' }
  | { kind: 'section'; index: number }
  | { kind: 'review' }
  | { kind: 'done' };

/** Every screen in order: code (IIT) or category (EIT, when the framework has categories), one per section, review. */
export function stepsOf(questionnaire: Questionnaire): Step[] {
  const steps: Step[] = [];
  if (questionnaire.instrument === 'IIT') steps.push({ kind: 'code' });
  else if (questionnaire.respondentCategories.length > 0) steps.push({ kind: 'category' });
  questionnaire.sections.forEach((_, index) => steps.push({ kind: 'section', index }));
  steps.push({ kind: 'review' });
  return steps;
}

/** 0–100, for the progress bar: how many of the screens before "done" are behind the respondent. */
export function progressPercent(steps: Step[], current: number): number {
  if (steps.length <= 1) return 100;
  return Math.round((Math.min(current, steps.length - 1) / (steps.length - 1)) * 100);
}

/** Codes of the required questions of a section (or of all sections) still without an answer. */
export function missingAnswers(
  questionnaire: Questionnaire,
  answers: Record<string, string>,
  sectionIndex?: number,
): string[] {
  const sections = sectionIndex === undefined ? questionnaire.sections : [questionnaire.sections[sectionIndex]];
  return sections.flatMap((section) =>
    (section?.questions ?? []).filter((q) => q.required && !answers[q.code]).map((q) => q.code),
  );
}

/** The screen of the first section with a required question still unanswered, or -1 when none. */
export function firstIncompleteStep(steps: Step[], questionnaire: Questionnaire, answers: Record<string, string>): number {
  return steps.findIndex((step) => step.kind === 'section' && missingAnswers(questionnaire, answers, step.index).length > 0);
}

export function buildSubmission(
  questionnaire: Questionnaire,
  answers: Record<string, string>,
  extras: { submissionId: string; code?: string | null; respondentCategory?: string | null; browserToken?: string | null },
): SubmissionBody {
  const known = new Set(questionnaire.sections.flatMap((s) => s.questions.map((q) => q.code)));
  const body: SubmissionBody = {
    submissionId: extras.submissionId,
    roundId: questionnaire.roundId,
    unitCode: questionnaire.unitCode,
    instrument: questionnaire.instrument,
    answers: Object.fromEntries(Object.entries(answers).filter(([code, value]) => known.has(code) && value)),
  };
  if (questionnaire.instrument === 'IIT' && extras.code) body.code = extras.code;
  if (questionnaire.instrument === 'EIT') {
    if (extras.respondentCategory) body.respondentCategory = extras.respondentCategory;
    if (extras.browserToken) body.browserToken = extras.browserToken;
  }
  return body;
}

/** The CSV of a freshly generated batch, made in the browser from the one response that holds the codes. */
export function codesCsv(batch: { codes: string[]; surveyUrl: string }): string {
  const lines = ['code,link', ...batch.codes.map((code) => `${code},${batch.surveyUrl}#code=${code}`)];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Text in the current language, else Thai, else any. */
export function textIn(texts: Record<string, string> | undefined, language: string): string {
  if (!texts) return '';
  return texts[language] ?? texts.th ?? Object.values(texts)[0] ?? '';
}
