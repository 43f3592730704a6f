/** A DICOM code triplet (PS3.3 §8.8). Identity is value + scheme; the meaning is display text only. */
export interface CodedConcept {
  readonly value: string;
  readonly scheme: string;
  readonly meaning: string;
}

export const code = (value: string, scheme: string, meaning: string): CodedConcept => ({ value, scheme, meaning });

/**
 * Two codes are the same concept when value and scheme agree. Producers spell meanings differently
 * ("Diagnosis confirmed" vs "Diagnoses confirmed", tce.md §3.1), so meanings are never compared.
 */
export const sameCode = (a: Pick<CodedConcept, 'value' | 'scheme'>, b: Pick<CodedConcept, 'value' | 'scheme'>): boolean =>
  a.value === b.value && a.scheme.toUpperCase() === b.scheme.toUpperCase();

export const codeKey = (c: Pick<CodedConcept, 'value' | 'scheme'>): string => `${c.value}^${c.scheme.toUpperCase()}`;
