import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../harness/browser';
import { freePort } from '../harness/free-port';
import { startTestServer, type TestServer } from '../harness/server';

/** A real OpenID provider (oidc-provider) with its development login form: any login name, any password. */
async function startProvider(port: number, redirectUri: string): Promise<Server> {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: 'lightbox', client_secret: 'lightbox-secret', redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    findAccount: async (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: async () => ({ sub: id, email: `${id}@hospital.nhs.uk`, email_verified: true, name: id }),
    }),
  });
  return new Promise((resolve) => {
    const server = provider.listen(port, () => resolve(server));
  });
}

async function signInThroughProvider(browser: LaunchedBrowser, lightboxUrl: string, login: string) {
  const { page } = browser;
  await page.goto(`${lightboxUrl}/auth/oidc/login`);
  await page.fill('input[name="login"]', login);
  await page.fill('input[name="password"]', 'anything');
  await page.click('button[type="submit"]');
  const consent = page.locator('button[type="submit"]');
  if (await consent.count()) await consent.click();
  await page.waitForURL((url) => url.origin === lightboxUrl && !url.pathname.startsWith('/auth/'));
}

describe('OpenID Connect sign-in', () => {
  let provider: Server;
  let server: TestServer;
  let lightboxUrl: string;
  beforeAll(async () => {
    const [providerPort, lightboxPort] = [await freePort(), await freePort()];
    lightboxUrl = `http://127.0.0.1:${lightboxPort}`;
    provider = await startProvider(providerPort, `${lightboxUrl}/auth/oidc/callback`);
    server = await startTestServer({
      PORT: String(lightboxPort),
      PUBLIC_URL: lightboxUrl,
      OIDC_ISSUER: `http://127.0.0.1:${providerPort}`,
      OIDC_CLIENT_ID: 'lightbox',
      OIDC_CLIENT_SECRET: 'lightbox-secret',
    });
    await server.addUser({ email: 'jane.smith@hospital.nhs.uk', name: 'Jane Smith', password: 'unused-password-1' });
  });
  afterAll(async () => {
    await server?.close();
    provider?.close();
  });

  it('signs a known user in through the hospital provider and gives the browser a session', async () => {
    const browser = await launchBrowser();
    try {
      await signInThroughProvider(browser, lightboxUrl, 'jane.smith');
      expect(new URL(browser.page.url()).pathname).toBe('/');
      const cookies = await browser.page.context().cookies(lightboxUrl);
      expect(cookies.find((c) => c.name === 'lightbox_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
      const me = await browser.page.evaluate(async () => {
        const r = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { displayName } }' }) });
        return r.json();
      });
      expect(me).toEqual({ data: { me: { displayName: 'Jane Smith' } } });
    } finally {
      await browser.close();
    }
  });

  it('never creates an account for a provider user Lightbox does not know', async () => {
    const browser = await launchBrowser();
    try {
      await signInThroughProvider(browser, lightboxUrl, 'stranger');
      expect(new URL(browser.page.url()).pathname + new URL(browser.page.url()).search).toBe('/signin?error=oidc-no-account');
      const cookies = await browser.page.context().cookies(lightboxUrl);
      expect(cookies.find((c) => c.name === 'lightbox_session')).toBeUndefined();
    } finally {
      await browser.close();
    }
  });
});
