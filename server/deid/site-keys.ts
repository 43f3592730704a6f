import { createHmac, hkdfSync } from 'node:crypto';
import type { KeyedPseudonyms } from '../../domain/deid/deidentify-dataset';
import { uidFromDigest } from '../../domain/deid/value-replacements';

/** Keys derived from the site secret, one per purpose (HKDF-SHA256), so no key is reused for two jobs. */
export interface SiteKeys {
  readonly uid: Buffer;
  readonly patient: Buffer;
  readonly dateShift: Buffer;
  readonly store: Buffer;
}

/** A site secret that is missing or too short to key HMAC and AES-256. */
export class SiteSecretError extends Error {
  readonly code = 'DEID_SITE_SECRET';
}

/** Derives the purpose keys from the site secret (at least 16 bytes). */
export function deriveSiteKeys(secret: Uint8Array): SiteKeys {
  if (secret.length < 16) throw new SiteSecretError('the site secret must be at least 16 bytes');
  const derive = (purpose: string): Buffer => Buffer.from(hkdfSync('sha256', secret, 'lightbox-deid', purpose, 32));
  return { uid: derive('uid'), patient: derive('patient-id'), dateShift: derive('date-shift'), store: derive('pseudonym-store') };
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array, length: number): string {
  let bits = 0;
  let buffer = 0;
  let out = '';
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** The maximum Modified Dates offset, in days (about ten years back, never forward). */
export const MAX_DATE_SHIFT_DAYS = 3650;

/**
 * Keyed pseudonyms: UIDs become `2.25.<HMAC-SHA256(uidKey, uid) as 128-bit decimal>`, so the same original maps to
 * the same replacement in every export of this site, yet nobody without the secret can test a guess (unlike the
 * unkeyed MD5 hashes of CTP or dcm4che). Patient IDs become `LB` + 16 base32 characters; date offsets are 1–3650 days.
 */
export function keyedPseudonyms(keys: SiteKeys): KeyedPseudonyms {
  return {
    remapUid: (uid) => uidFromDigest(createHmac('sha256', keys.uid).update(uid).digest()),
    patientPseudonym: (patientKey) => `LB${base32(createHmac('sha256', keys.patient).update(patientKey).digest(), 16)}`,
    dateShiftDays: (patientKey) => -(1 + (createHmac('sha256', keys.dateShift).update(patientKey).digest().readUInt32BE(0) % MAX_DATE_SHIFT_DAYS)),
  };
}
