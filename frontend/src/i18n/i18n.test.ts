import { describe, expect, it } from 'vitest';
import en from './en.json';
import th from './th.json';
import { LANGUAGE_STORAGE_KEY, storedLanguage } from './index';
import { createI18n } from './setup';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('i18n', () => {
  it('has the same keys in Thai and English, and no empty text', () => {
    expect(keys(en).sort()).toEqual(keys(th).sort());
    for (const bundle of [th, en]) {
      for (const key of keys(bundle)) {
        const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], bundle);
        expect(typeof text === 'string' && text.trim().length > 0, key).toBe(true);
      }
    }
  });

  it('starts in Thai and sets <html lang>', () => {
    const i18n = createI18n();
    expect(i18n.language).toBe('th');
    expect(document.documentElement.lang).toBe('th');
    expect(i18n.t('auth.login')).toBe('เข้าสู่ระบบ');
  });

  it('starts in the language stored last time, ignoring unknown values', () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    expect(storedLanguage()).toBe('en');
    expect(createI18n().t('auth.login')).toBe('Log in');
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(storedLanguage()).toBe('th');
  });
});
