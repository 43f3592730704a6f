import { DomainError } from '../shared/errors';

export type EmailAddress = string & { readonly __brand: 'EmailAddress' };

/** A trimmed, lower-cased address with one `@` and a dotted domain. */
export function parseEmail(input: string): EmailAddress {
  const email = input.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
    throw new DomainError('INVALID_EMAIL', `"${input}" is not an email address`);
  }
  return email as EmailAddress;
}
