import { code, type CodedConcept } from '../../domain/dicom';
import type { NaturalDataset } from './dcmjs-io';

/** Sequence items of a naturalized value (dcmjs gives arrays, some paths a single object). */
export function asItems(value: unknown): NaturalDataset[] {
  if (Array.isArray(value)) return value.filter((v): v is NaturalDataset => typeof v === 'object' && v !== null);
  return typeof value === 'object' && value !== null ? [value as NaturalDataset] : [];
}

const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/** A person name as the DICOM string (`Family^Given^Middle^Prefix^Suffix`), whatever dcmjs made of it. */
function personNameString(value: object): string {
  const alphabetic = (value as { Alphabetic?: unknown }).Alphabetic;
  return typeof alphabetic === 'string' ? alphabetic : '';
}

/** First value as a trimmed string; empty → null. Person names become their alphabetic `^`-form. */
export function stringOf(value: unknown): string | null {
  const v = first(value);
  if (v === undefined || v === null) return null;
  const text = typeof v === 'object' ? personNameString(v) : String(v);
  const trimmed = text.replace(/\0+$/, '').trim();
  return trimmed === '' ? null : trimmed;
}

/** Every value, trimmed, empties dropped. */
export function stringsOf(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return values.map((v) => stringOf(v)).filter((v): v is string => v !== null);
}

/** Text of a free-text VR (ST/LT/UT): leading spaces are significant, only trailing padding goes. */
export function textOf(value: unknown): string {
  const v = first(value);
  return typeof v === 'string' ? v.replace(/[\0 ]+$/, '') : '';
}

export function numberOf(value: unknown): number | null {
  const v = first(value);
  if (v === undefined || v === null || v === '') return null;
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  return Number.isFinite(n) ? n : null;
}

/** A code triplet from a code sequence item; Long Code Value and URN Code Value stand in for Code Value. */
export function codeOf(item: NaturalDataset): CodedConcept | null {
  const value = stringOf(item.CodeValue) ?? stringOf(item.LongCodeValue) ?? stringOf(item.URNCodeValue);
  if (!value) return null;
  return code(value, stringOf(item.CodingSchemeDesignator) ?? '', stringOf(item.CodeMeaning) ?? '');
}

export const firstCode = (sequence: unknown): CodedConcept | null => {
  const item = asItems(sequence)[0];
  return item ? codeOf(item) : null;
};
