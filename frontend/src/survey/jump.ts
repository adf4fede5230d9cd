/**
 * The unanswered-question jump: on a phone the first missing answer can be a screen or two away
 * from the "next" button, so it is scrolled to the middle of the screen and its first option takes
 * the focus (screen readers then read the question, marked invalid).
 */
export function questionDomId(questionCode: string): string {
  return `q-${questionCode}`;
}

export function jumpToQuestion(questionCode: string, doc: Document = document): boolean {
  const question = doc.getElementById(questionDomId(questionCode));
  if (!question) return false;
  const reduceMotion = doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  question.scrollIntoView?.({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
  question.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
  return true;
}
