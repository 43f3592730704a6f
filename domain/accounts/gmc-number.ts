import { DomainError } from '../shared/errors';

/** A UK General Medical Council reference number as Lightbox writes it: `GMC` followed by 7 digits. */
export type GmcNumber = string & { readonly __brand: 'GmcNumber' };

const pattern = /^GMC\d{7}$/;

/** Accepts `GMC1234567`, also written in lower case, with spaces, or as the bare 7 digits. */
export function parseGmcNumber(input: string): GmcNumber {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  const normalised = /^\d{7}$/.test(compact) ? `GMC${compact}` : compact;
  if (!pattern.test(normalised)) {
    throw new DomainError('INVALID_GMC_NUMBER', `"${input}" is not a GMC number: write GMC followed by 7 digits, e.g. GMC1234567`);
  }
  return normalised as GmcNumber;
}
