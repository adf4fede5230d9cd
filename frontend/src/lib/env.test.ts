import { describe, expect, it } from 'vitest';
import { EnvError, oidcAuthority, parseEnv, readEnv } from './env';

const valid = {
  keycloakUrl: 'http://localhost:8180',
  realm: 'ita',
  clientId: 'ita-frontend',
  apiBase: '/api',
};

describe('runtime settings from /env.js', () => {
  it('accepts the default settings', () => {
    expect(parseEnv(valid)).toEqual(valid);
    expect(oidcAuthority(parseEnv(valid))).toBe('http://localhost:8180/realms/ita');
  });

  it('removes trailing slashes and accepts an absolute API base', () => {
    const env = parseEnv({ ...valid, keycloakUrl: 'https://sso.example.go.th/', apiBase: 'https://ita.example.go.th/api/' });
    expect(env.keycloakUrl).toBe('https://sso.example.go.th');
    expect(env.apiBase).toBe('https://ita.example.go.th/api');
  });

  it('says that /env.js did not load when the settings are missing', () => {
    expect(() => parseEnv(undefined)).toThrow(EnvError);
    expect(() => parseEnv(undefined)).toThrow(/\/env\.js was not loaded.*window\.__ITA_ENV__/);
  });

  it('names every missing or wrong field', () => {
    let error: unknown;
    try {
      parseEnv({ keycloakUrl: 'localhost:8180', realm: '', apiBase: 'api' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    expect(message).toContain('keycloakUrl must be an absolute http(s) URL');
    expect(message).toContain('realm must be a non-empty string');
    expect(message).toContain('clientId is required');
    expect(message).toContain('apiBase must be a path starting with "/"');
  });

  it('rejects settings that are not an object or have wrong types', () => {
    expect(() => parseEnv('http://localhost:8180')).toThrow(/must be an object/);
    expect(() => parseEnv({ ...valid, clientId: 42 })).toThrow(/clientId must be a string/);
  });

  it('reads window.__ITA_ENV__', () => {
    window.__ITA_ENV__ = valid;
    try {
      expect(readEnv()).toEqual(valid);
    } finally {
      delete window.__ITA_ENV__;
    }
    expect(() => readEnv()).toThrow(EnvError);
  });
});
