import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import * as oidc from 'openid-client';
import { asUserId } from '../../domain/shared/ids';
import { userById } from '../../projections/users/users-queries';
import type { AppServices } from '../app-services';
import type { Config } from '../config';
import { loadSiteSecret } from '../site-secret';
import type { RouteHandler } from './http-server';
import { sessionCookie } from './session-cookie';

const FLOW_COOKIE = 'lightbox_oidc';

function redirect(res: ServerResponse, location: string, cookies: string[] = []) {
  res.writeHead(303, { location, 'set-cookie': cookies, 'cache-control': 'no-store' });
  res.end();
}

/**
 * Sign-in through the hospital's OpenID Connect provider (authorization code + PKCE). The provider's verified
 * email (from the ID token, else from the UserInfo endpoint, as many providers keep it there) is matched to an existing Lightbox account; accounts are never created automatically.
 */
export async function oidcRoutes(config: Config, services: AppServices): Promise<RouteHandler> {
  const settings = config.oidc!;
  const issuer = new URL(settings.issuer);
  const client = await oidc.discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
    ...(issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
  });
  const secret = loadSiteSecret(config.dataDir);
  const sign = (value: string) => createHmac('sha256', secret).update(`oidc-flow\0${value}`).digest('base64url');
  const redirectUri = `${config.publicUrl}/auth/oidc/callback`;
  const secure = config.publicUrl.startsWith('https:') ? '; Secure' : '';

  return async (req, res, url) => {
    if (url.pathname === '/auth/oidc/login') {
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const flow = `${state}.${verifier}`;
      const target = oidc.buildAuthorizationUrl(client, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
      });
      redirect(res, target.href, [`${FLOW_COOKIE}=${flow}.${sign(flow)}; Path=/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=600${secure}`]);
      return true;
    }
    if (url.pathname !== '/auth/oidc/callback') return false;
    const cleared = `${FLOW_COOKIE}=; Path=/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
    const cookie = (req.headers.cookie ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${FLOW_COOKIE}=`));
    const [state, verifier, mac] = (cookie?.slice(FLOW_COOKIE.length + 1) ?? '').split('.');
    const expected = state && verifier ? Buffer.from(sign(`${state}.${verifier}`)) : null;
    if (!state || !verifier || !mac || !expected || expected.length !== mac.length || !timingSafeEqual(expected, Buffer.from(mac))) {
      redirect(res, '/signin?error=oidc-expired', [cleared]);
      return true;
    }
    try {
      const tokens = await oidc.authorizationCodeGrant(client, new URL(`${redirectUri}${url.search}`), { pkceCodeVerifier: verifier, expectedState: state });
      const idClaims = tokens.claims();
      const claims = typeof idClaims?.email === 'string' || !idClaims ? idClaims : await oidc.fetchUserInfo(client, tokens.access_token, idClaims.sub);
      const email = typeof claims?.email === 'string' && claims.email_verified !== false ? claims.email : null;
      const userId = email ? await services.accounts.userIdForEmail(email) : null;
      const user = userId ? userById(services.readDb, userId) : null;
      if (!user || user.erased) {
        redirect(res, '/signin?error=oidc-no-account', [cleared]);
        return true;
      }
      const signedIn = await services.accounts.startSession(asUserId(user.id), 'oidc', {
        actorId: user.id,
        source: 'oidc',
        correlationId: crypto.randomUUID(),
        causationId: null,
      });
      redirect(res, '/', [cleared, sessionCookie(signedIn.token, signedIn.expiresAt, config.publicUrl)]);
    } catch (error) {
      console.warn('OpenID Connect sign-in failed:', (error as Error).message);
      redirect(res, '/signin?error=oidc-failed', [cleared]);
    }
    return true;
  };
}
