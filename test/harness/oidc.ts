import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import type { Page } from 'playwright-core';
import { freePort } from './free-port';
import { startTestServer, type TestServer } from './server';

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

/** A Lightbox configured for single sign-on against a provider started beside it; Jane Smith has an account. */
export async function startServerWithProvider(): Promise<{ server: TestServer; lightboxUrl: string; close(): Promise<void> }> {
  const [providerPort, lightboxPort] = [await freePort(), await freePort()];
  const lightboxUrl = `http://127.0.0.1:${lightboxPort}`;
  const provider = await startProvider(providerPort, `${lightboxUrl}/auth/oidc/callback`);
  const server = await startTestServer({
    PORT: String(lightboxPort),
    PUBLIC_URL: lightboxUrl,
    OIDC_ISSUER: `http://127.0.0.1:${providerPort}`,
    OIDC_CLIENT_ID: 'lightbox',
    OIDC_CLIENT_SECRET: 'lightbox-secret',
  });
  await server.addUser({ email: 'jane.smith@hospital.nhs.uk', name: 'Jane Smith', password: 'unused-password-1' });
  return {
    server,
    lightboxUrl,
    async close() {
      await server.close();
      provider.close();
    },
  };
}

/** Fills the provider's development login and consent forms, then waits to be back in Lightbox. */
export async function completeProviderLogin(page: Page, lightboxUrl: string, login: string): Promise<void> {
  await page.fill('input[name="login"]', login);
  await page.fill('input[name="password"]', 'anything');
  await page.click('button[type="submit"]');
  const consent = page.locator('button[type="submit"]');
  if (await consent.count()) await consent.click();
  await page.waitForURL((url) => url.origin === lightboxUrl && !url.pathname.startsWith('/auth/'));
}
