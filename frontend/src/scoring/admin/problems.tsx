import { useTranslation } from 'react-i18next';
import { ProblemError } from '../../api/http';
import { languageOf } from '../../i18n';

/** The service's problem in the reader's language, announced to screen readers as it appears. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation('scoring');
  if (!error) return null;
  const text = error instanceof ProblemError ? error.detailFor(languageOf(i18n)) : t('admin.unexpected');
  return (
    <p role="alert" className="alert">
      {text}
    </p>
  );
}

/** Field errors of a problem (`errors[].field`), to show beside the inputs they belong to. */
export function fieldErrors(error: unknown): (field: string) => string | undefined {
  const errors = error instanceof ProblemError ? error.errors : [];
  return (field) => errors.find((e) => e.field === field || e.field.startsWith(`${field}.`))?.message;
}

/** A field error with an id, so its input can point at it with aria-describedby. */
export function FieldMessage({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span id={id} className="error-text">
      {message}
    </span>
  ) : null;
}
