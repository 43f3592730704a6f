/** A DICOM Person Name split into its five components (PS3.5 §6.2, alphabetic group only). */
export interface PersonNameParts {
  readonly family: string;
  readonly given: string;
  readonly middle: string;
  readonly prefix: string;
  readonly suffix: string;
}

export function personNameParts(value: string): PersonNameParts {
  const alphabetic = value.split('=')[0] ?? '';
  const [family = '', given = '', middle = '', prefix = '', suffix = ''] = alphabetic.split('^').map((p) => p.trim());
  return { family, given, middle, prefix, suffix };
}

/** A GMC reference number: seven digits, optionally written with a "GMC" prefix. */
export type GmcNumber = string & { readonly __brand: 'GmcNumber' };

/** Normalises "GMC 1234567", "gmc1234567" or "1234567" to `GMC1234567`; anything else is null. */
export function normaliseGmcNumber(text: string): GmcNumber | null {
  const match = /^\s*(?:GMC)?\s*(\d{7})\s*$/i.exec(text);
  return match ? (`GMC${match[1]}` as GmcNumber) : null;
}

/**
 * The GMC number carried in a person name. Lightbox's convention (DESIGN §4): the fifth PN component, the
 * name suffix, as in `Smith^Jane^^Dr^GMC1234567`. A suffix that is not a GMC number gives null.
 */
export const gmcNumberOf = (personName: string): GmcNumber | null => normaliseGmcNumber(personNameParts(personName).suffix);

/** `Family^Given`, upper-cased and whitespace-collapsed, for the second, looser PN → user match (tce.md §6 rule 4). */
export function normalisedFamilyGiven(personName: string): string {
  const { family, given } = personNameParts(personName);
  const clean = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toUpperCase();
  return `${clean(family)}^${clean(given)}`;
}

/** "Jane Smith" from `Smith^Jane^^Dr^GMC1234567`: how MIRC displays the author, without prefix and GMC suffix. */
export function displayName(personName: string): string {
  const { family, given, middle } = personNameParts(personName);
  return [given, middle, family].filter((p) => p !== '').join(' ');
}
