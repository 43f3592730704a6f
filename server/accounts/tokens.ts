import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** A bearer token is `lbx_<session id>_<secret>`; only the SHA-256 of the secret is ever stored. */
export function newSessionToken(): { sessionId: string; token: string; tokenHash: string } {
  const sessionId = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  return { sessionId, token: `lbx_${sessionId}_${secret}`, tokenHash: hashSecret(secret) };
}

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function parseSessionToken(token: string): { sessionId: string; secret: string } | null {
  const match = /^lbx_([0-9a-f-]{36})_([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { sessionId: match[1]!, secret: match[2]! } : null;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
