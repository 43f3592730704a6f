import { describe, expect, it } from 'vitest';
import { given } from '../shared/given-when-then';
import { asUserId } from '../shared/ids';
import { personal } from '../shared/personal';
import { parseEmail } from './email';
import { parseGmcNumber } from './gmc-number';
import { claimDecider } from './unique-claim';
import { userDecider, type UserEvent } from './user';

const userId = asUserId('u-1');
const registered: UserEvent = {
  type: 'UserRegistered',
  data: {
    userId,
    profile: personal(userId, { displayName: 'Jane', email: 'j@x.org', gmcNumber: null, passwordHash: null }),
    emailKey: 'k',
    gmcKey: null,
    isAdmin: false,
    registeredAt: 't0',
  },
};

describe('GMC numbers', () => {
  it('accepts GMC and seven digits, normalising case, spaces and bare digits', () => {
    expect(parseGmcNumber('GMC1234567')).toBe('GMC1234567');
    expect(parseGmcNumber(' gmc 1234567 ')).toBe('GMC1234567');
    expect(parseGmcNumber('1234567')).toBe('GMC1234567');
  });
  it.each(['GMC123456', 'GMC12345678', 'GMCABCDEFG', 'GMD1234567', ''])('refuses %j with INVALID_GMC_NUMBER', (input) => {
    expect(() => parseGmcNumber(input)).toThrow(expect.objectContaining({ code: 'INVALID_GMC_NUMBER' }));
  });
});

describe('email addresses', () => {
  it('lower-cases and trims', () => expect(parseEmail(' Jane@Example.ORG ')).toBe('jane@example.org'));
  it('refuses a string without a domain', () => expect(() => parseEmail('jane@')).toThrow(expect.objectContaining({ code: 'INVALID_EMAIL' })));
});

describe('user decider', () => {
  it('registers a new user', () => {
    const { type, ...command } = { type: 'RegisterUser' as const, ...registered.data, at: 't0' };
    expect(given(userDecider, []).when({ type, ...command })()).toEqual([registered]);
  });
  it('refuses to register the same user twice', () => {
    const { registeredAt, ...rest } = registered.data;
    expect(given(userDecider, [registered]).when({ type: 'RegisterUser', ...rest, at: registeredAt })).toThrow(expect.objectContaining({ code: 'USER_EXISTS' }));
  });
  it('erases once; erasing again decides nothing', () => {
    const erased: UserEvent = { type: 'UserErased', data: { userId, erasedAt: 't1' } };
    expect(given(userDecider, [registered]).when({ type: 'EraseUser', userId, at: 't1' })()).toEqual([erased]);
    expect(given(userDecider, [registered, erased]).when({ type: 'EraseUser', userId, at: 't2' })()).toEqual([]);
  });
});

describe('unique claims', () => {
  const claimed = { type: 'ValueClaimed' as const, data: { kind: 'email' as const, holderId: 'a', at: 't0' } };
  it('lets the first holder claim, and the same holder again without a new event', () => {
    expect(given(claimDecider, []).when({ type: 'ClaimValue', kind: 'email', holderId: 'a', at: 't0' })()).toEqual([claimed]);
    expect(given(claimDecider, [claimed]).when({ type: 'ClaimValue', kind: 'email', holderId: 'a', at: 't1' })()).toEqual([]);
  });
  it('refuses another holder with EMAIL_TAKEN or GMC_NUMBER_TAKEN', () => {
    expect(given(claimDecider, [claimed]).when({ type: 'ClaimValue', kind: 'email', holderId: 'b', at: 't1' })).toThrow(expect.objectContaining({ code: 'EMAIL_TAKEN' }));
    const gmc = { ...claimed, data: { ...claimed.data, kind: 'gmc' as const } };
    expect(given(claimDecider, [gmc]).when({ type: 'ClaimValue', kind: 'gmc', holderId: 'b', at: 't1' })).toThrow(expect.objectContaining({ code: 'GMC_NUMBER_TAKEN' }));
  });
  it('frees the value once released', () => {
    const released = { type: 'ValueReleased' as const, data: { kind: 'email' as const, holderId: 'a', at: 't1' } };
    expect(given(claimDecider, [claimed, released]).when({ type: 'ClaimValue', kind: 'email', holderId: 'b', at: 't2' })()).toHaveLength(1);
  });
});
