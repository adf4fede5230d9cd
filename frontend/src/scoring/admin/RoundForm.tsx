import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMessage, ProblemAlert, fieldErrors } from './problems';
import type { TFunction } from 'i18next';
import {
  ROUND_WINDOWS,
  defaultFramework,
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

const keyOf = (f: FrameworkSummary) => `${f.id}@${f.version}`;

/** The parts of a framework version not checked against its sources, in the reader's words ('' when all are). */
export function unverifiedParts(f: FrameworkSummary | undefined, t: TFunction<'scoring'>): string {
  return (f?.provenance?.unverified ?? []).map((part) => t(`admin.frameworks.parts.${part}`, { defaultValue: part })).join(', ');
}

/**
 * Name, fiscal year, framework version, scope and the six windows of a round. A new round starts with the
 * fiscal year's recommended edition and follows the year typed until the administrator picks one herself.
 */
export function RoundForm({ round, frameworks, defaultUnitCode, onSubmit, onCancel }: RoundFormProps) {
  const { t, i18n } = useTranslation('scoring');
  const first = frameworks[0];
  const initialYear = round?.fiscalYear ?? first?.fiscalYear;
  const initial = initialYear === undefined ? undefined : defaultFramework(frameworks, initialYear);
  const [name, setName] = useState(round?.name ?? '');
  const [fiscalYear, setFiscalYear] = useState(String(initialYear ?? ''));
  const [framework, setFramework] = useState(
    round ? `${round.frameworkId}@${round.frameworkVersion}` : initial ? keyOf(initial) : '',
  );
  const [frameworkChosen, setFrameworkChosen] = useState(Boolean(round));
  const chosen = frameworks.find((f) => keyOf(f) === framework);
  const unverified = unverifiedParts(chosen, t);
  const why = chosen?.recommended ? (chosen.recommendedWhy?.[i18n.language] ?? chosen.recommendedWhy?.th) : undefined;
  const changeYear = (value: string) => {
    setFiscalYear(value);
    const year = Number(value);
    if (!frameworkChosen && frameworks.some((f) => f.fiscalYear === year)) {
      setFramework(keyOf(defaultFramework(frameworks, year)!));
    }
  };
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
            onChange={(e) => changeYear(e.target.value)}
            aria-describedby={field('fiscalYear-error')}
          />
        </label>
        <FieldMessage id={field('fiscalYear-error')} message={errorOf('fiscalYear')} />
        <label>
          {t('admin.rounds.framework')}
          <select
            required
            value={framework}
            onChange={(e) => {
              setFramework(e.target.value);
              setFrameworkChosen(true);
            }}
            aria-describedby={`${field('framework-why')} ${field('framework-unverified')}`}
          >
            {frameworks.map((f) => (
              <option key={keyOf(f)} value={keyOf(f)}>
                {t('admin.rounds.frameworkOption', { id: f.id, version: f.version, year: f.fiscalYear })}
                {f.recommended ? ` · ${t('admin.rounds.recommended')}` : ''}
                {(f.provenance?.unverified.length ?? 0) > 0 ? ' · ⚠' : ''}
              </option>
            ))}
          </select>
        </label>
        {why && (
          <p id={field('framework-why')} className="hint">
            {t('admin.rounds.recommendedWhy', { why })}
          </p>
        )}
        {unverified && (
          <p id={field('framework-unverified')} className="warning" role="note">
            {t('admin.rounds.unverified', { parts: unverified })}
          </p>
        )}
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
