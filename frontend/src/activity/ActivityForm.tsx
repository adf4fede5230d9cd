import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ThaiDateField } from '../ui/ThaiDateField';
import { ProblemError } from '../api/http';
import { languageOf } from '../i18n';
import {
  ACTIVITY_STATUSES,
  HONEST_TRAITS,
  METTA_ELEMENTS,
  PDCA_PHASES,
  type ActivityInput,
  type ActivityStatus,
  type HonestTrait,
  type MettaElement,
  type PdcaPhase,
} from './api';

const codes = (text: string) =>
  text
    .split(/[,\s]+/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

export interface ActivityFormProps {
  initial: ActivityInput;
  onSubmit: (input: ActivityInput) => Promise<unknown>;
  readOnly?: boolean;
}

/** Every field of an activity; the service validates too, and its field errors are shown here. */
export function ActivityForm({ initial, onSubmit, readOnly = false }: ActivityFormProps) {
  const { t, i18n } = useTranslation('activity');
  const [input, setInput] = useState<ActivityInput>(initial);
  const [indicators, setIndicators] = useState(initial.indicatorCodes.join(', '));
  const [oitItems, setOitItems] = useState(initial.oitItemCodes.join(', '));
  const [links, setLinks] = useState(initial.evidenceLinks.join('\n'));
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof ActivityInput>(key: K, value: ActivityInput[K]) =>
    setInput((current) => ({ ...current, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setSaved(false);
    setBusy(true);
    try {
      await onSubmit({
        ...input,
        indicatorCodes: codes(indicators),
        oitItemCodes: codes(oitItems).map((c) => c.toUpperCase()),
        evidenceLinks: links
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l.length > 0),
      });
      setSaved(true);
    } catch (error) {
      if (error instanceof ProblemError) setProblem(error);
      else throw error;
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (field: string) => problem?.errors.find((e) => e.field === field || e.field.startsWith(`${field}[`));
  const errorId = (field: string) => (fieldError(field) ? `${field}-error` : undefined);
  const errorText = (field: string) => {
    const error = fieldError(field);
    return error ? (
      <span id={`${field}-error`} className="error-text">
        {error.message}
      </span>
    ) : null;
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="activity-form" aria-label={t('form.editHeading')}>
      <fieldset disabled={readOnly || busy}>
        <label>
          {t('form.name')}
          <input
            required
            value={input.name}
            aria-describedby={errorId('name')}
            onChange={(e) => set('name', e.target.value)}
          />
        </label>
        {errorText('name')}
        <label>
          {t('form.description')}
          <textarea value={input.description ?? ''} onChange={(e) => set('description', e.target.value)} />
        </label>
        <fieldset>
          <legend>{t('form.metta')}</legend>
          {METTA_ELEMENTS.map((element) => (
            <label key={element} className="inline">
              <input
                type="checkbox"
                checked={input.mettaElements.includes(element)}
                onChange={() => set('mettaElements', toggle<MettaElement>(input.mettaElements, element))}
              />
              {t(`metta.${element}`)}
            </label>
          ))}
          {errorText('mettaElements')}
        </fieldset>
        <label>
          {t('form.pdca')}
          <select value={input.pdcaPhase} onChange={(e) => set('pdcaPhase', e.target.value as PdcaPhase)}>
            {PDCA_PHASES.map((phase) => (
              <option key={phase} value={phase}>
                {t(`pdca.${phase}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('form.indicators')}
          <input value={indicators} aria-describedby={errorId('indicatorCodes')} onChange={(e) => setIndicators(e.target.value)} />
        </label>
        {errorText('indicatorCodes')}
        <label>
          {t('form.oitItems')}
          <input value={oitItems} aria-describedby={errorId('oitItemCodes')} onChange={(e) => setOitItems(e.target.value)} />
        </label>
        {errorText('oitItemCodes')}
        <fieldset>
          <legend>{t('form.traits')}</legend>
          {HONEST_TRAITS.map((trait) => (
            <label key={trait} className="inline">
              <input
                type="checkbox"
                checked={input.honestTraits.includes(trait)}
                onChange={() => set('honestTraits', toggle<HonestTrait>(input.honestTraits, trait))}
              />
              {t(`trait.${trait}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('form.owner')}
          <input value={input.owner ?? ''} onChange={(e) => set('owner', e.target.value)} />
        </label>
        <label>
          {t('form.participants')}
          <input
            type="number"
            min={0}
            value={input.participantsCount ?? ''}
            aria-describedby={errorId('participantsCount')}
            onChange={(e) => set('participantsCount', e.target.value === '' ? undefined : Number(e.target.value))}
          />
        </label>
        {errorText('participantsCount')}
        <ThaiDateField label={t('form.startsOn')} value={input.startsOn ?? ''} onChange={(iso) => set('startsOn', iso || undefined)} />
        <ThaiDateField label={t('form.endsOn')} value={input.endsOn ?? ''} onChange={(iso) => set('endsOn', iso || undefined)} />
        <label>
          {t('form.budget')}
          <input
            inputMode="decimal"
            value={input.budget ?? ''}
            aria-describedby={errorId('budget')}
            onChange={(e) => set('budget', e.target.value || undefined)}
          />
        </label>
        {errorText('budget')}
        <label>
          {t('form.status')}
          <select value={input.status} onChange={(e) => set('status', e.target.value as ActivityStatus)}>
            {ACTIVITY_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('form.notes')}
          <textarea value={input.notes ?? ''} onChange={(e) => set('notes', e.target.value)} />
        </label>
        <label>
          {t('form.evidence')}
          <textarea value={links} aria-describedby={errorId('evidenceLinks')} onChange={(e) => setLinks(e.target.value)} />
        </label>
        {errorText('evidenceLinks')}
        {!readOnly && (
          <button type="submit" className="button primary">
            {t('form.save')}
          </button>
        )}
      </fieldset>
      {problem && (
        <p role="alert" className="error-text alert">
          {problem.detailFor(languageOf(i18n))}
        </p>
      )}
      {saved && <p role="status">{t('form.saved')}</p>}
    </form>
  );
}
