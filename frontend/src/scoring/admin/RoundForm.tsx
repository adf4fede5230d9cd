import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMessage, ProblemAlert, fieldErrors } from './problems';
import {
  ROUND_WINDOWS,
  toInstant,
  toLocalInput,
  type FrameworkSummary,
  type Round,
  type RoundInput,
  type RoundWindow,
} from './api';

export interface RoundFormProps {
  /** The round being edited; a new round when absent. */
  round?: Round;
  frameworks: FrameworkSummary[];
  defaultUnitCode: string;
  onSubmit: (input: RoundInput) => Promise<unknown>;
  onCancel?: () => void;
}

/** Name, fiscal year, framework version, scope and the six windows of a round. */
export function RoundForm({ round, frameworks, defaultUnitCode, onSubmit, onCancel }: RoundFormProps) {
  const { t } = useTranslation('scoring');
  const first = frameworks[0];
  const [name, setName] = useState(round?.name ?? '');
  const [fiscalYear, setFiscalYear] = useState(String(round?.fiscalYear ?? first?.fiscalYear ?? ''));
  const [framework, setFramework] = useState(
    round ? `${round.frameworkId}@${round.frameworkVersion}` : first ? `${first.id}@${first.version}` : '',
  );
  const [scopeUnitCode, setScopeUnitCode] = useState(round?.scopeUnitCode ?? defaultUnitCode);
  const [windows, setWindows] = useState<Record<RoundWindow, string>>(
    () => Object.fromEntries(ROUND_WINDOWS.map((w) => [w, toLocalInput(round?.[w])])) as Record<RoundWindow, string>,
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errorOf = fieldErrors(error);
  const prefix = round ? `round-${round.id}` : 'round-new';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const [frameworkId = '', version = ''] = framework.split('@');
    setBusy(true);
    setError(null);
    try {
      await onSubmit({
        name,
        fiscalYear: Number(fiscalYear),
        frameworkId,
        frameworkVersion: Number(version),
        scopeUnitCode,
        ...Object.fromEntries(ROUND_WINDOWS.map((w) => [w, toInstant(windows[w])])),
      });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const field = (key: string) => `${prefix}-${key}`;
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={round ? t('admin.rounds.editHeading', { name: round.name }) : t('admin.rounds.new')}>
      <fieldset disabled={busy}>
        <label>
          {t('admin.rounds.name')}
          <input required value={name} onChange={(e) => setName(e.target.value)} aria-describedby={field('name-error')} />
        </label>
        <FieldMessage id={field('name-error')} message={errorOf('name')} />
        <label>
          {t('admin.rounds.fiscalYear')}
          <input
            required
            inputMode="numeric"
            value={fiscalYear}
            onChange={(e) => setFiscalYear(e.target.value)}
            aria-describedby={field('fiscalYear-error')}
          />
        </label>
        <FieldMessage id={field('fiscalYear-error')} message={errorOf('fiscalYear')} />
        <label>
          {t('admin.rounds.framework')}
          <select required value={framework} onChange={(e) => setFramework(e.target.value)}>
            {frameworks.map((f) => (
              <option key={`${f.id}@${f.version}`} value={`${f.id}@${f.version}`}>
                {t('admin.rounds.frameworkOption', { id: f.id, version: f.version, year: f.fiscalYear })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.rounds.scope')}
          <input
            required
            value={scopeUnitCode}
            onChange={(e) => setScopeUnitCode(e.target.value.toUpperCase())}
            aria-describedby={field('scope-error')}
          />
        </label>
        <FieldMessage id={field('scope-error')} message={errorOf('scopeUnitCode')} />
        <fieldset>
          <legend>{t('admin.rounds.windows')}</legend>
          {ROUND_WINDOWS.map((w) => (
            <label key={w}>
              {t(`admin.rounds.window.${w}`)}
              <input
                type="datetime-local"
                value={windows[w]}
                onChange={(e) => setWindows((current) => ({ ...current, [w]: e.target.value }))}
              />
            </label>
          ))}
        </fieldset>
        <ProblemAlert error={error} />
        <button type="submit" className="button primary">
          {round ? t('admin.save') : t('admin.rounds.create')}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('admin.cancel')}
          </button>
        )}
      </fieldset>
    </form>
  );
}
