import { describe, expect, it } from 'vitest';
import { buddhistYear, fiscalYear, fiscalYearRange, formatIsoDate, formatThaiDate, gregorianYear } from './thaiDate';

describe('Buddhist era', () => {
  it('adds 543 to the Gregorian year and back', () => {
    expect(buddhistYear(new Date(2023, 0, 15))).toBe(2566);
    expect(buddhistYear(new Date(2022, 11, 31))).toBe(2565);
    expect(gregorianYear(2566)).toBe(2023);
  });

  it('formats a date in Thai with the BE year', () => {
    expect(formatThaiDate(new Date(2022, 9, 1))).toBe('1 ตุลาคม 2565');
    expect(formatThaiDate(new Date(2023, 8, 30), { style: 'short' })).toBe('30 ก.ย. 2566');
  });

  it('formats a date in English still with the BE year', () => {
    expect(formatThaiDate(new Date(2022, 9, 1), { language: 'en' })).toBe('1 October 2565 BE');
  });
});

describe('fiscal year (October–September, named by the BE year of its end)', () => {
  /** A local date from "YYYY-MM-DD" (optionally with "THH:mm:ss"). */
  const local = (text: string) => {
    const [y, m, d, hh = 0, mm = 0, ss = 0] = text.split(/[-T:]/).map(Number) as number[];
    return new Date(y!, m! - 1, d, hh, mm, ss);
  };

  it.each([
    ['2022-10-01', 2566], // first day of FY2566
    ['2022-09-30', 2565], // last day of FY2565
    ['2023-01-01', 2566],
    ['2023-09-30T23:59:59', 2566], // last moment of FY2566
    ['2023-10-01', 2567],
    ['2024-12-31', 2568],
  ])('%s is in FY %i', (date, expected) => {
    expect(fiscalYear(local(date))).toBe(expected);
  });

  it('gives the first and last day of a fiscal year', () => {
    const { start, end } = fiscalYearRange(2566);
    expect([start.getFullYear(), start.getMonth(), start.getDate()]).toEqual([2022, 9, 1]);
    expect([end.getFullYear(), end.getMonth(), end.getDate()]).toEqual([2023, 8, 30]);
    expect(fiscalYear(start)).toBe(2566);
    expect(fiscalYear(end)).toBe(2566);
  });
});

describe('formatIsoDate', () => {
  it('shows a service date in the Buddhist era, never the ISO form', () => {
    expect(formatIsoDate('2023-11-15', { style: 'short' })).toBe('15 พ.ย. 2566');
    expect(formatIsoDate('2023-10-01')).toBe('1 ตุลาคม 2566');
    expect(formatIsoDate(null)).toBe('—');
  });
});
