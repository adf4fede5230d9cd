import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_TYPES, type Unit, type UnitInput } from './api';
import { FieldMessage, ProblemAlert, fieldErrors } from './problems';

export interface UnitFormProps {
  /** The unit being edited; a new unit under `parentCode` when absent. */
  unit?: Unit;
  parentCode?: string;
  label: string;
  onSubmit: (input: UnitInput) => Promise<unknown>;
}

/** A unit's code (new units only), type, names and counts. */
export function UnitForm({ unit, parentCode, label, onSubmit }: UnitFormProps) {
  const { t } = useTranslation('scoring');
  const [input, setInput] = useState<UnitInput>({
    code: unit?.code ?? '',
    parentCode: unit?.parentCode ?? parentCode ?? null,
    type: unit?.type ?? 'SCHOOL',
    nameTh: unit?.nameTh ?? '',
    nameEn: unit?.nameEn ?? '',
    staffCount: unit?.staffCount ?? 0,
    servicePopulation: unit?.servicePopulation ?? 0,
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errorOf = fieldErrors(error);
  const prefix = unit ? `unit-${unit.code}` : `unit-new-${parentCode ?? ''}`;
  const set = <K extends keyof UnitInput>(key: K, value: UnitInput[K]) => setInput((c) => ({ ...c, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(input);
      if (!unit) setInput((c) => ({ ...c, code: '', nameTh: '', nameEn: '' }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={label}>
      <fieldset disabled={busy}>
        <legend>{label}</legend>
        {!unit && (
          <>
            <label>
              {t('admin.units.code')}
              <input
                required
                value={input.code}
                onChange={(e) => set('code', e.target.value.toUpperCase())}
                aria-describedby={`${prefix}-code-error`}
              />
            </label>
            <FieldMessage id={`${prefix}-code-error`} message={errorOf('code')} />
          </>
        )}
        <label>
          {t('admin.units.type')}
          <select value={input.type} onChange={(e) => set('type', e.target.value)}>
            {UNIT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`admin.units.types.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.units.nameTh')}
          <input required value={input.nameTh} onChange={(e) => set('nameTh', e.target.value)} aria-describedby={`${prefix}-nameTh-error`} />
        </label>
        <FieldMessage id={`${prefix}-nameTh-error`} message={errorOf('nameTh')} />
        <label>
          {t('admin.units.nameEn')}
          <input value={input.nameEn ?? ''} onChange={(e) => set('nameEn', e.target.value)} />
        </label>
        <label>
          {t('admin.units.staff')}
          <input type="number" min={0} required value={input.staffCount} onChange={(e) => set('staffCount', Number(e.target.value))} />
        </label>
        <label>
          {t('admin.units.population')}
          <input
            type="number"
            min={0}
            required
            value={input.servicePopulation}
            onChange={(e) => set('servicePopulation', Number(e.target.value))}
          />
        </label>
        <ProblemAlert error={error} />
        <button type="submit" className="button primary">
          {unit ? t('admin.save') : t('admin.units.create')}
        </button>
      </fieldset>
    </form>
  );
}
