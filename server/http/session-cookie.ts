export const SESSION_COOKIE = 'lightbox_session';

const secure = (publicUrl: string) => (publicUrl.startsWith('https:') ? '; Secure' : '');

/** HttpOnly, SameSite=Strict (no cross-site requests carry it, which is what stops CSRF), Secure behind HTTPS. */
export const sessionCookie = (token: string, expiresAt: string, publicUrl: string) =>
  `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Expires=${new Date(expiresAt).toUTCString()}${secure(publicUrl)}`;

export const clearedSessionCookie = (publicUrl: string) =>
  `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure(publicUrl)}`;

/** The bearer token of a request: the Authorization header first, then the session cookie. */
export function tokenFromHeaders(authorization: string | null | undefined, cookie: string | null | undefined): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (bearer) return bearer[1]!;
  for (const part of (cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE && value.length > 0) return value.join('=');
  }
  return null;
}
