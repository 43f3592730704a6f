import { hash, verify } from '@node-rs/argon2';
import { DomainError } from '../../domain/shared/errors';

/** argon2id (the library's default algorithm) with OWASP's minimum parameters: 19 MiB, 2 passes. */
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function checkPasswordStrength(password: string): void {
  if (password.length < 10) throw new DomainError('WEAK_PASSWORD', 'a password needs at least 10 characters');
  if (password.length > 256) throw new DomainError('WEAK_PASSWORD', 'a password may have at most 256 characters');
}

export const hashPassword = (password: string) => hash(password, options);

/** A hash of a random password, verified against when the account does not exist, so timing reveals nothing. */
let decoy: Promise<string> | null = null;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    decoy ??= hashPassword(`decoy-${Math.random()}`);
    await verify(await decoy, password);
    return false;
  }
  return verify(passwordHash, password);
}
