import { asciiText, encodeAscii } from './dicom-dataset';

/** Dummy values for action D, consistent with each VR's format and length limits (PS3.5 Table 6.2-1). */
const DUMMY_TEXT: Record<string, string> = {
  AE: 'ANONYMIZED', AS: '000Y', CS: 'ANONYMIZED', DA: '19000101', DS: '0', DT: '19000101000000', IS: '0',
  LO: 'ANONYMIZED', LT: 'ANONYMIZED', PN: 'ANONYMIZED', SH: 'ANONYMIZED', ST: 'ANONYMIZED', TM: '000000',
  UC: 'ANONYMIZED', UR: 'ANONYMIZED', UT: 'ANONYMIZED',
};

const BINARY_SIZES: Record<string, number> = { US: 2, SS: 2, UL: 4, SL: 4, FL: 4, FD: 8, AT: 4, SV: 8, UV: 8 };

/** A non-empty value that carries no information, for action D on a non-UID, non-sequence element. */
export function dummyValue(vr: string): Uint8Array {
  const text = DUMMY_TEXT[vr];
  if (text !== undefined) return encodeAscii(text, vr);
  return new Uint8Array(BINARY_SIZES[vr] ?? 2);
}

const DAY_MS = 86_400_000;

function shiftDate(date: string, days: number): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(date);
  if (!match) return null;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(time)) return null;
  const shifted = new Date(time + days * DAY_MS);
  const year = shifted.getUTCFullYear();
  if (year < 1 || year > 9999) return null;
  return `${String(year).padStart(4, '0')}${String(shifted.getUTCMonth() + 1).padStart(2, '0')}${String(shifted.getUTCDate()).padStart(2, '0')}`;
}

/**
 * Shifts DA and DT values by whole days (Retain Longitudinal Temporal Information with Modified Dates). Whole days
 * keep every interval between dates and times exact; TM values need no change. A DT keeps its time and offset
 * suffix. Values that are not dates cannot be shifted safely and become the VR's dummy value.
 */
export function shiftDateValue(value: Uint8Array | undefined, vr: string, days: number): Uint8Array {
  const text = asciiText(value);
  if (text === '') return new Uint8Array(0);
  const shifted = text.split('\\').map((part) => {
    const trimmed = part.trim();
    if (vr === 'DA') return shiftDate(trimmed, days) ?? DUMMY_TEXT.DA!;
    if (vr === 'DT') {
      const head = shiftDate(trimmed.slice(0, 8), days);
      return head === null ? DUMMY_TEXT.DT! : head + trimmed.slice(8);
    }
    return trimmed;
  });
  return encodeAscii(shifted.join('\\'), vr);
}

/**
 * Turns a digest (for instance HMAC-SHA256 of the original UID) into a UID under the 2.25 root: the first 16 bytes
 * as an unsigned 128-bit integer in decimal (ISO/IEC 9834-8 / PS3.5 §B.2), at most 44 characters.
 */
export function uidFromDigest(digest: Uint8Array): string {
  if (digest.length < 16) throw new RangeError('a UID digest needs at least 16 bytes');
  let value = 0n;
  for (let index = 0; index < 16; index++) value = (value << 8n) | BigInt(digest[index]!);
  return `2.25.${value.toString(10)}`;
}

/** UIDs defined by the DICOM standard itself (SOP classes, coding schemes, well-known frames): never remapped. */
export function isStandardUid(uid: string): boolean {
  return uid.startsWith('1.2.840.10008.');
}
