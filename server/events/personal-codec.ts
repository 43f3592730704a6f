import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { isPersonal } from '../../domain/shared/personal';
import type { PersonalKeyStore } from './personal-keys';

interface SealedPersonal {
  kind: 'personal';
  subjectId: string;
  sealed: string;
}

const isSealed = (x: unknown): x is SealedPersonal =>
  typeof x === 'object' && x !== null && (x as SealedPersonal).kind === 'personal' && typeof (x as SealedPersonal).sealed === 'string';

function mapDeep(value: unknown, visit: (node: unknown) => unknown | undefined): unknown {
  const replaced = visit(value);
  if (replaced !== undefined) return replaced;
  if (Array.isArray(value)) return value.map((v) => mapDeep(v, visit));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapDeep(v, visit)]));
  }
  return value;
}

/** Replaces every `Personal` value in event data by its AES-256-GCM sealed form (`iv | tag | ciphertext`, base64). */
export function sealPersonalData(data: unknown, keys: PersonalKeyStore): unknown {
  return mapDeep(data, (node) => {
    if (!isPersonal(node)) return undefined;
    const key = keys.keyFor(node.subjectId);
    if (!key) throw new Error(`personal data of erased subject ${node.subjectId} cannot be recorded`);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(node.subjectId));
    const body = Buffer.concat([cipher.update(JSON.stringify(node.value), 'utf8'), cipher.final()]);
    return { kind: 'personal', subjectId: node.subjectId, sealed: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64') };
  });
}

/** Opens sealed personal values; those whose key was destroyed read as `{ value: null }`. */
export function openPersonalData(data: unknown, keys: PersonalKeyStore): unknown {
  return mapDeep(data, (node) => {
    if (!isSealed(node)) return undefined;
    const key = keys.existingKey(node.subjectId);
    if (!key) return { kind: 'personal', subjectId: node.subjectId, value: null };
    const raw = Buffer.from(node.sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(node.subjectId));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    return { kind: 'personal', subjectId: node.subjectId, value: JSON.parse(text) };
  });
}
