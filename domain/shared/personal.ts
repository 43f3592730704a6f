/**
 * A value about a person that must be erasable (GDPR right to erasure) although the event log is immutable.
 * Events carry personal values only inside this wrapper; the event store's codec seals `value` with a key
 * kept per `subjectId` outside the log. When the key is destroyed, the value reads back as `null`.
 */
export interface Personal<T> {
  readonly kind: 'personal';
  readonly subjectId: string;
  readonly value: T | null;
}

export const personal = <T>(subjectId: string, value: T): Personal<T> => ({ kind: 'personal', subjectId, value });

export const isPersonal = (x: unknown): x is Personal<unknown> =>
  typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'personal' && 'subjectId' in x;
