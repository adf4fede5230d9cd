import { describe, expect, it } from 'vitest';
import { fakeJwt } from '../test/render';
import { decodeJwtPayload, itaRoles, sessionFrom } from './claims';

describe('access token claims', () => {
  it('decodes a base64url JWT payload with Thai text', () => {
    const token = fakeJwt({ sub: 'u1', name: 'สมศรี ใจดี', unit_code: 'KALASIN2' });
    expect(decodeJwtPayload(token)).toMatchObject({ name: 'สมศรี ใจดี', unit_code: 'KALASIN2' });
  });

  it('rejects something that is not a JWT', () => {
    expect(() => decodeJwtPayload('opaque-token')).toThrow(/three dot-separated parts/);
  });

  it('keeps only ITA roles, in display order', () => {
    expect(itaRoles(['offline_access', 'auditor', 'default-roles-ita', 'unit-admin'])).toEqual(['unit-admin', 'auditor']);
  });

  it('builds the session from the ID token profile and the access token', () => {
    const accessToken = fakeJwt({
      realm_access: { roles: ['evidence-editor', 'unit-admin', 'uma_authorization'] },
      unit_code: 'KALASIN2',
    });
    expect(sessionFrom({ name: 'สมศรี ใจดี', preferred_username: 'unit.kalasin2' }, accessToken)).toEqual({
      name: 'สมศรี ใจดี',
      roles: ['unit-admin', 'evidence-editor'],
      unitCode: 'KALASIN2',
    });
  });

  it('falls back to preferred_username and copes with missing claims', () => {
    expect(sessionFrom({ preferred_username: 'unit.kalasin2' }, fakeJwt({ sub: 'x' }))).toEqual({
      name: 'unit.kalasin2',
      roles: [],
      unitCode: null,
    });
    expect(sessionFrom({ name: 'A' }, 'opaque')).toEqual({ name: 'A', roles: [], unitCode: null });
  });
});
