import { describe, expect, it } from 'vitest';
import { displayName, gmcNumberOf, normaliseGmcNumber, normalisedFamilyGiven } from './person-name';

describe('person names and GMC numbers', () => {
  it('takes the GMC number from the fifth PN component', () => {
    expect(gmcNumberOf('Smith^Jane^^Dr^GMC1234567')).toBe('GMC1234567');
    expect(gmcNumberOf('Smith^Jane^^Dr^gmc 1234567')).toBe('GMC1234567');
    expect(gmcNumberOf('Smith^Jane^^Dr^1234567')).toBe('GMC1234567');
  });

  it('finds no GMC number in other components or malformed suffixes', () => {
    expect(gmcNumberOf('GMC1234567^Jane')).toBeNull();
    expect(gmcNumberOf('Smith^Jane^^Dr^FRCR')).toBeNull();
    expect(gmcNumberOf('Smith^Jane^^Dr^GMC123456')).toBeNull();
    expect(normaliseGmcNumber('GMC12345678')).toBeNull();
  });

  it('normalises Family^Given and displays "Given Family"', () => {
    expect(normalisedFamilyGiven(' smith ^ Jane ^^Dr^GMC1234567')).toBe('SMITH^JANE');
    expect(displayName('Müller^Jürgen^^Dr^GMC7654321')).toBe('Jürgen Müller');
  });
});
