import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../harness/browser';
import { startTestServer } from '../harness/server';

const screenshotDir = fileURLToPath(new URL('../../test-results/', import.meta.url));
const user = {
  email: 'ada.lovelace@example.nhs.uk',
  name: 'Dr Ada Lovelace',
  password: 'correct horse battery staple',
  gmc: '1234567',
};

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true });
}

async function focusedElementId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

describe('signing in to Lightbox in a browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    await mkdir(screenshotDir, { recursive: true });
    server = await startTestServer();
    await server.addUser(user);
    browser = await launchBrowser();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends a visitor who is not signed in to the sign-in page, with the email field focused', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/signin\?next=%2F$/);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await focusedElementId(page)).toBe('signin-email');
    await screenshot(page, 'sign-in');
  });

  it('shows a clear error for a wrong password and puts the cursor back in the password field', async () => {
    await page.keyboard.type(user.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('not my password');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The email address or password is not correct.');
    expect(await focusedElementId(page)).toBe('signin-password');
    expect(await page.inputValue('#signin-password')).toBe('');
    expect(new URL(page.url()).pathname).toBe('/signin');
    await screenshot(page, 'sign-in-wrong-password');
  });

  it('signs in with the keyboard alone and lists the personal folder first and marked', async () => {
    await page.keyboard.type(user.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'My folders' }).waitFor();

    const account = page.getByRole('region', { name: 'Your account' });
    expect(await account.textContent()).toContain(user.name);
    expect(await account.textContent()).toContain('GMC 1234567');

    const firstFolder = page.locator('.folder-list > li').first();
    await firstFolder.waitFor();
    expect(await firstFolder.textContent()).toContain('Your personal folder');
    await screenshot(page, 'my-folders');
  });

  it('opens the personal folder with its empty state and an audit entry for its creation', async () => {
    const personalFolderLink = page.locator('.folder-list > li').first().getByRole('link');
    const folderName = (await personalFolderLink.textContent())?.trim() ?? '';
    await personalFolderLink.focus();
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/folders\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: folderName }).waitFor();
    await page.getByText('No cases yet — send a case from your PACS to this folder').waitFor();

    const audit = page.getByRole('region', { name: 'Audit' });
    const createdRow = audit.getByRole('listitem').filter({ hasText: /Folder created/i });
    await createdRow.first().waitFor();
    expect(await createdRow.count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'personal-folder');
  });

  it('signs out back to the sign-in page, and the session is gone', async () => {
    await page.getByRole('button', { name: 'Sign out' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/signin\?signedout=1$/);
    await page.getByText('You have signed out.').waitFor();
    await screenshot(page, 'signed-out');

    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/signin\?next=/);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  });

  it('explains why a hospital-account sign-in came back, and offers no hospital button when it is not set up', async () => {
    await page.goto(`${server.url}/signin?error=oidc-no-account`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'No Lightbox account uses the email address your hospital account has. Ask a Lightbox administrator to add you.',
    );
    expect(await page.getByRole('link', { name: 'Sign in with your hospital account' }).count()).toBe(0);
    await screenshot(page, 'sign-in-oidc-no-account');
    await page.goto(`${server.url}/signin?error=oidc-expired`);
    await page.getByRole('alert').filter({ hasText: 'took too long' }).waitFor();
  });

  it('raised no errors in the page console apart from the expected sign-in failures', () => {
    const unexpected = browser.pageErrors.filter((message) => !/401|UNAUTHENTICATED|INVALID_CREDENTIALS/.test(message));
    expect(unexpected).toEqual([]);
  });
});
