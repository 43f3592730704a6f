import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../harness/browser';
import { completeProviderLogin, startServerWithProvider } from '../harness/oidc';
import { screenshot } from './browser-helpers';

async function signInWithHospitalButton(page: Page, lightboxUrl: string, login: string): Promise<void> {
  await page.goto(`${lightboxUrl}/signin`);
  await page.getByRole('link', { name: 'Sign in with your hospital account' }).click();
  await completeProviderLogin(page, lightboxUrl, login);
}

describe('the hospital-account button on the sign-in page', () => {
  let sso: Awaited<ReturnType<typeof startServerWithProvider>>;
  let browser: LaunchedBrowser;
  let lightboxUrl: string;

  beforeAll(async () => {
    sso = await startServerWithProvider();
    lightboxUrl = sso.lightboxUrl;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await sso?.close();
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
