import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../i18n/language';
import { BUDDHIST_ERA_OFFSET } from '../lib/thaiDate';
import './ui.css';

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(year, month, 0).getDate();

/** `YYYY-MM-DD` (Gregorian, what the services take) → its parts with the year in the Buddhist era. */
export function isoToParts(iso: string): { day: string; month: string; year: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return { day: '', month: '', year: '' };
  return { day: String(Number(m[3])), month: String(Number(m[2])), year: String(Number(m[1]) + BUDDHIST_ERA_OFFSET) };
}

/** Day, month and Buddhist-era year → `YYYY-MM-DD`; '' until all three are chosen. */
export function partsToIso(parts: { day: string; month: string; year: string }): string {
  if (!parts.day || !parts.month || !parts.year) return '';
  const year = Number(parts.year) - BUDDHIST_ERA_OFFSET;
  const month = Number(parts.month);
  const day = Math.min(Number(parts.day), daysIn(year, month));
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A date chosen as day, month name and year พ.ศ. (no one has to convert to ค.ศ. or remember a
 * format); `onChange` gets the ISO date the services take, or '' while incomplete.
 */
export function ThaiDateField({
  label,
  value,
  onChange,
  required,
  hint,
  years,
}: {
  label: ReactNode;
  value: string;
  onChange: (iso: string) => void;
  required?: boolean;
  hint?: ReactNode;
  /** Buddhist-era years offered, oldest first; default: five years back to two ahead of today. */
  years?: number[];
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [parts, setParts] = useState(() => isoToParts(value));
  // A value set from outside (a reset after saving, a record loaded) replaces what was picked.
  useEffect(() => {
    if (value !== partsToIso(parts)) setParts(isoToParts(value));
  }, [value]);

  const language = languageOf(i18n);
  const months = useMemo(() => {
    const format = new Intl.DateTimeFormat(language === 'th' ? 'th-TH' : 'en-GB', { month: 'long' });
    return Array.from({ length: 12 }, (_, i) => format.format(new Date(2000, i, 1)));
  }, [language]);
  const thisYear = new Date().getFullYear() + BUDDHIST_ERA_OFFSET;
  const offered = [...(years ?? Array.from({ length: 8 }, (_, i) => thisYear - 5 + i))];
  const chosenYear = parts.year ? Number(parts.year) : undefined;
  if (chosenYear && !offered.includes(chosenYear)) offered.push(chosenYear);
  const maxDay = parts.month && parts.year ? daysIn(Number(parts.year) - BUDDHIST_ERA_OFFSET, Number(parts.month)) : 31;

  const set = (key: 'day' | 'month' | 'year', v: string) => {
    const next = { ...parts, [key]: v };
    if (next.day && Number(next.day) > (next.month && next.year ? daysIn(Number(next.year) - BUDDHIST_ERA_OFFSET, Number(next.month)) : 31))
      next.day = String(daysIn(Number(next.year) - BUDDHIST_ERA_OFFSET, Number(next.month)));
    setParts(next);
    onChange(partsToIso(next));
  };

  return (
    <fieldset className="ui-field ui-date" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{label}</legend>
      {hint && (
        <p className="ui-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="ui-date-parts">
        <select className="ui-control" aria-label={t('date.day')} required={required} value={parts.day} onChange={(e) => set('day', e.target.value)}>
          <option value="">{t('date.day')}</option>
          {Array.from({ length: maxDay }, (_, i) => (
            <option key={i + 1} value={String(i + 1)}>
              {i + 1}
            </option>
          ))}
        </select>
        <select className="ui-control" aria-label={t('date.month')} required={required} value={parts.month} onChange={(e) => set('month', e.target.value)}>
          <option value="">{t('date.month')}</option>
          {months.map((name, i) => (
            <option key={name} value={String(i + 1)}>
              {name}
            </option>
          ))}
        </select>
        <select className="ui-control" aria-label={t('date.year')} required={required} value={parts.year} onChange={(e) => set('year', e.target.value)}>
          <option value="">{t('date.year')}</option>
          {offered
            .sort((a, b) => a - b)
            .map((y) => (
              <option key={y} value={String(y)}>
                {t('date.yearBE', { year: y })}
              </option>
            ))}
        </select>
      </div>
    </fieldset>
  );
}
