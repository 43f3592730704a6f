import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../harness/browser';
import { startTestServer, type TestServer } from '../harness/server';
import { screenshot, signInThroughPage, unexpectedPageErrors } from './browser-helpers';

const admin = { email: 'admin@example.org', name: 'Ada Admin', password: 'correct-horse-a', admin: true };
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('creating and renaming folders in a browser', () => {
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    await server.addUser(admin);
    browser = await launchBrowser();
    page = browser.page;
    await signInThroughPage(page, server.url, admin.email, admin.password);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('marks the Unclaimed submissions inbox apart from ordinary folders for an admin', async () => {
    const unclaimed = page.locator('.folder-card.is-unclaimed');
    await unclaimed.waitFor();
    expect(await unclaimed.textContent()).toContain('Needs filing');
    await screenshot(page, 'my-folders-admin');
  });

  it('creates a folder with the keyboard alone, explaining an empty name inline', async () => {
    await page.getByRole('button', { name: 'New folder' }).focus();
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('new-folder-name');
    await page.keyboard.press('Enter');
    await page.getByText('Enter a name for the folder.').waitFor();
    expect(await focusedId(page)).toBe('new-folder-name');
    await screenshot(page, 'new-folder-error');

    await page.keyboard.type('FRCR 2B practice');
    await page.keyboard.press('Enter');
    const link = page.getByRole('link', { name: 'FRCR 2B practice' });
    await link.waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'FRCR 2B practice');
  });

  it('cancels the new-folder form with Escape, back on the New folder button', async () => {
    await page.getByRole('button', { name: 'New folder' }).click();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('New folder') === true);
  });

  it('renames a folder its owner opens, and the new name shows at once', async () => {
    await page.getByRole('link', { name: 'FRCR 2B practice' }).click();
    await page.getByRole('heading', { level: 1, name: 'FRCR 2B practice' }).waitFor();
    await page.getByRole('button', { name: 'Rename' }).click();
    const field = page.getByLabel('New name for this folder');
    expect(await field.inputValue()).toBe('FRCR 2B practice');
    await field.fill('FRCR 2B practice — chest');
    await screenshot(page, 'rename-folder');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'FRCR 2B practice — chest' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Rename');
  });

  it('lets the owner limit who may send cases into the folder, refusing a number that is not a GMC number', async () => {
    const senders = page.getByRole('region', { name: 'Who may send cases here' });
    const field = senders.getByLabel(/GMC numbers, one per line/);
    await field.fill('GMC1234567\nGMC99');
    await senders.getByRole('button', { name: 'Save senders' }).click();
    await senders.getByText(/Each entry must be a GMC number/).waitFor();
    await field.fill('gmc1234567, 7654321');
    await senders.getByRole('button', { name: 'Save senders' }).click();
    await senders.getByText('Only these GMC numbers (2).').waitFor();
    expect(await field.inputValue()).toBe('GMC1234567\nGMC7654321');
    await screenshot(page, 'folder-senders');
  });

  it('raised no unexpected errors in the page console', () => {
    expect(unexpectedPageErrors(browser.pageErrors)).toEqual([]);
  });
});
