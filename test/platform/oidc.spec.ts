import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../harness/browser';
import { completeProviderLogin, startServerWithProvider } from '../harness/oidc';

async function signInThroughProvider(browser: LaunchedBrowser, lightboxUrl: string, login: string) {
  await browser.page.goto(`${lightboxUrl}/auth/oidc/login`);
  await completeProviderLogin(browser.page, lightboxUrl, login);
}

describe('OpenID Connect sign-in', () => {
  let sso: Awaited<ReturnType<typeof startServerWithProvider>>;
  let lightboxUrl: string;
  beforeAll(async () => {
    sso = await startServerWithProvider();
    lightboxUrl = sso.lightboxUrl;
  });
  afterAll(() => sso?.close());

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
