import type { CombinedError } from '@urql/core';

/** Error codes the server puts in a GraphQL error's `extensions.code`. */
export type ServerErrorCode =
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONCURRENT_WRITE'
  | 'INTERNAL';

const MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
  INVALID_CREDENTIALS: 'The email address or password is not correct.',
  FORBIDDEN: 'You do not have permission to see or change this.',
  NOT_FOUND: 'We could not find what you were looking for.',
  BAD_USER_INPUT: 'Some of the information entered is not valid. Check it and try again.',
  RATE_LIMITED: 'Too many attempts. Wait a minute, then try again.',
  CONCURRENT_WRITE: 'Someone else changed this at the same moment. Try again.',
  INVALID_FOLDER_NAME: 'A folder name needs 1 to 120 characters.',
  FOLDER_NOT_FOUND: 'That folder no longer exists, or you cannot file cases into it. Choose one of your own folders.',
  CASE_NOT_FOUND: 'This case no longer exists, or it has already been filed.',
  AE_TITLE_TAKEN: 'Another sending node already uses this AE title. Each node needs its own AE title.',
  INVALID_AE_TITLE: 'An AE title is 1 to 16 characters: letters, digits, spaces and punctuation, but no backslash.',
  INVALID_HOST: 'Enter a host name (pacs.trust.nhs.uk) or an IP address (10.1.2.3).',
  INVALID_NODE_NAME: 'A node name needs 1 to 100 characters.',
  NODE_NOT_FOUND: 'This sending node no longer exists. Someone may have removed it.',
};

const NETWORK_MESSAGE =
  'Lightbox could not reach the server. Check your network connection, then try again.';
const FALLBACK_MESSAGE = 'Something went wrong on the server. Try again; if it keeps happening, tell your Lightbox administrator.';

/** The first `extensions.code` in a combined error, or `NETWORK` for transport failures. */
export function errorCode(error: CombinedError | undefined): string | undefined {
  if (!error) return undefined;
  for (const graphQLError of error.graphQLErrors) {
    const code = graphQLError.extensions?.code;
    if (typeof code === 'string') return code;
  }
  if (error.networkError) return 'NETWORK';
  return undefined;
}

export function isUnauthenticated(error: CombinedError | undefined): boolean {
  return errorCode(error) === 'UNAUTHENTICATED';
}

/**
 * A sentence a radiologist can act on, never a stack trace or server jargon. `overrides` lets a form
 * say the same thing in its own words (e.g. FORBIDDEN on rename: "Only the owner can rename…").
 */
export function humanErrorMessage(error: CombinedError | undefined, overrides: Record<string, string> = {}): string {
  const code = errorCode(error);
  if (code === undefined) return FALLBACK_MESSAGE;
  if (code === 'NETWORK') return NETWORK_MESSAGE;
  return overrides[code] ?? MESSAGES[code] ?? FALLBACK_MESSAGE;
}
