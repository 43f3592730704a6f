import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, launchBrowser, type LaunchedBrowser } from '../harness/browser';
import { freePort } from '../harness/free-port';
import { startTestServer, type TestServer } from '../harness/server';
import { screenshot } from './browser-helpers';

/** A real OpenID provider (oidc-provider) with its development login form: any login name, any password. */
async function startProvider(port: number, redirectUri: string): Promise<Server> {
  const provider = new Provider(`http://127.0.0.1:${port}`, {
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

async function signInWithHospitalButton(page: Page, lightboxUrl: string, login: string): Promise<void> {
  await page.goto(`${lightboxUrl}/signin`);
  await page.getByRole('link', { name: 'Sign in with your hospital account' }).click();
  await page.fill('input[name="login"]', login);
  await page.fill('input[name="password"]', 'anything');
  await page.click('button[type="submit"]');
  const consent = page.locator('button[type="submit"]');
  if (await consent.count()) await consent.click();
  await page.waitForURL((url) => url.origin === lightboxUrl && !url.pathname.startsWith('/auth/'));
}

describe.skipIf(!existsSync(CHROMIUM_PATH))('the hospital-account button on the sign-in page', () => {
  let provider: Server;
  let server: TestServer;
  let browser: LaunchedBrowser;
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
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    provider?.close();
  });

  it('tells someone without a Lightbox account what to do', async () => {
    await browser.page.goto(`${lightboxUrl}/signin`);
    await browser.page.getByRole('link', { name: 'Sign in with your hospital account' }).waitFor();
    await screenshot(browser.page, 'sign-in-with-hospital-button');
    await signInWithHospitalButton(browser.page, lightboxUrl, 'stranger');
    const alert = browser.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('No Lightbox account uses the email address your hospital account has.');
  });

  it('signs a known person in and opens My folders', async () => {
    const fresh = await launchBrowser();
    try {
      await signInWithHospitalButton(fresh.page, lightboxUrl, 'jane.smith');
      await fresh.page.getByRole('heading', { level: 1, name: 'My folders' }).waitFor();
    } finally {
      await fresh.close();
    }
  });
});
