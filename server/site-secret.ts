import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The site secret keys the look-up hashes of emails and GMC numbers (so the log never holds them in clear) and
 * other keyed functions. Created once under DATA_DIR with mode 0600; back it up with the data.
 */
export function loadSiteSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, 'site-secret');
  if (!existsSync(file)) {
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

/** A keyed hash for looking a value up without storing it: HMAC-SHA256, hex. */
export const lookupKey = (secret: Buffer, purpose: string, value: string) =>
  createHmac('sha256', secret).update(`${purpose}\0${value}`).digest('hex');
