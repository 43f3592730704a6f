import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../harness/browser';
import { storescu, tceFixture } from '../harness/dicom';
import { startTestServer, type TestServer } from '../harness/server';
import { documentIsStillMarked, markDocument, screenshot, signInThroughPage, unexpectedPageErrors } from './browser-helpers';

const jane = { email: 'jane@example.org', name: 'Dr Jane Smith', password: 'correct-horse-j', gmc: 'GMC1234567' };
const caseTitle = 'Giant cell tumour — distal radius';
const context = { actorId: null, source: 'test', correlationId: 'c', causationId: null };

async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** A fresh archive with Jane and the TESTPACS node, and Jane signed in, looking at her empty personal folder. */
async function janeWatchingHerFolder(): Promise<{ server: TestServer; browser: LaunchedBrowser; page: Page }> {
  const server = await startTestServer();
  await server.addUser(jane);
  await server.app.services.nodes.register({ name: 'Test PACS', aeTitle: 'TESTPACS', host: '127.0.0.1' }, context);
  const browser = await launchBrowser();
  const page = browser.page;
  await signInThroughPage(page, server.url, jane.email, jane.password);
  await page.locator('.folder-list > li').first().getByRole('link').click();
  await page.getByText('No cases yet — send a case from your PACS to this folder').waitFor();
  await page.getByText('Live updates on').waitFor();
  return { server, browser, page };
}

describe('a complete TCE submission, seen in the browser', () => {
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await janeWatchingHerFolder());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the case arriving in the personal folder live, without a reload', async () => {
    await markDocument(page);
    const sent = await storescu(server.app.dicomPort, ['ct-1', 'ct-2', 'ct-3', 'atfi-nested', 'kos-final'].map(tceFixture));
    expect(sent.code, sent.stderr).toBe(0);

    const row = page.locator('.case-item').first();
    await row.getByRole('link', { name: caseTitle }).waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('CT');
    expect(await row.locator('.status-badge').count()).toBe(0);
    expect(await documentIsStillMarked(page)).toBe(true);
    await page.getByRole('status').filter({ hasText: /case was added/i }).first().waitFor();
    await screenshot(page, 'folder-case-arrived');
  });

  it('opens the case with its ATFI sections in reading order, keywords as chips, and the author', async () => {
    await page.getByRole('link', { name: caseTitle }).click();
    await page.waitForURL(/\/cases\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: caseTitle }).waitFor();

    const teaching = page.getByRole('region', { name: 'Teaching content' });
    const headings = await teaching.getByRole('heading', { level: 3 }).allTextContents();
    const expectedOrder = ['Abstract', 'History', 'Findings', 'Differential diagnosis', 'Diagnosis', 'Discussion', 'Keywords', 'Other items'];
    expect(headings.filter((h) => expectedOrder.includes(h))).toEqual(expectedOrder);
    const text = (await teaching.textContent()) ?? '';
    expect(text).toContain('Wrist pain for six months.');
    expect(text).toContain('Eccentric lytic lesion, no matrix.');
    expect(text).toContain('Aneurysmal bone cyst');
    expect(text).toContain('Think GCT in a closed physis.');
    expect(await teaching.getByRole('list', { name: 'Keywords' }).getByRole('listitem').allTextContents()).toEqual([
      'giant cell tumour',
      'giant cell tumor',
    ]);

    const author = page.getByRole('region', { name: 'Author' });
    expect(await author.textContent()).toContain('GMC7654321');
    expect(await author.textContent()).toContain('Hôpital Nord');
  });

  it('says how the case arrived and why it is in this folder, with every routing step on demand', async () => {
    const arrival = page.getByRole('region', { name: 'How it arrived' });
    const text = (await arrival.textContent()) ?? '';
    expect(text).toContain('DICOM C-STORE');
    expect(text).toContain('TESTPACS');
    expect(text).toContain('Test PACS');
    expect(text).toMatch(/KOS observer/);
    await arrival.getByText('Every rule tried, in order').click();
    expect(await arrival.locator('.routing-steps li').count()).toBeGreaterThanOrEqual(1);
  });

  it('lists the series with their instances on demand, long UIDs kept inside the page', async () => {
    const images = page.getByRole('region', { name: 'Images', exact: true });
    const ctRow = images.getByRole('row').filter({ hasText: 'CT' }).first();
    await ctRow.getByRole('button', { name: /instances: show/ }).click();
    const instances = images.locator('.instance-table tbody tr');
    await instances.first().waitFor();
    expect(await instances.count()).toBe(3);
    expect(await instances.first().textContent()).toMatch(/\d+(\.\d+){4,}/);
    await screenshot(page, 'case-complete');
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  });

  it('fits a phone-sized screen without sideways scrolling of the page', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'case-complete-narrow');
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((e) => !e.parentElement?.closest('.table-scroll') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 5)
        .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
    );
    expect(wide).toEqual([]);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('goes back to the folder through the breadcrumb', async () => {
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').nth(1).click();
    await page.waitForURL(/\/folders\//);
    await page.locator('.case-item').first().getByRole('link', { name: caseTitle }).waitFor();
  });

  it('raised no unexpected errors in the page console', () => {
    expect(unexpectedPageErrors(browser.pageErrors)).toEqual([]);
  });
});

describe('a held TCE submission, released while its page is open', () => {
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await janeWatchingHerFolder());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the held case arriving live with a Held badge', async () => {
    const sent = await storescu(server.app.dicomPort, ['ct-1', 'kos-delay'].map(tceFixture));
    expect(sent.code, sent.stderr).toBe(0);
    const row = page.locator('.case-item').first();
    await row.waitFor({ timeout: 15_000 });
    await row.getByText('Held').waitFor();
    await screenshot(page, 'folder-held-case-arrived');
  });

  it('opens the held case with the sender’s reason in a banner', async () => {
    await page.locator('.case-item a').first().click();
    await page.waitForURL(/\/cases\/[^/]+$/);
    await page.getByText('Held by the sender: clinical-information').waitFor();
    await screenshot(page, 'case-held');
  });

  it('drops the banner live, without a reload, when the final manifest releases the case', async () => {
    await markDocument(page);
    const seriesCount = page.getByRole('region', { name: 'Images', exact: true }).locator('.list-count');
    const before = await seriesCount.textContent();
    const sent = await storescu(server.app.dicomPort, ['ct-2', 'ct-3', 'atfi-nested', 'kos-final'].map(tceFixture));
    expect(sent.code, sent.stderr).toBe(0);
    await page.getByText('Held by the sender: clinical-information').waitFor({ state: 'detached', timeout: 15_000 });
    expect(await documentIsStillMarked(page)).toBe(true);
    await page.getByRole('status').filter({ hasText: /This case was updated: it is complete/ }).waitFor();
    await page.waitForFunction((text) => document.querySelector('#images-heading ~ .list-count')?.textContent !== text, before);
    expect(await page.locator('h1 + .status-badge').count()).toBe(0);
    await screenshot(page, 'case-released');
  });

  it('raised no unexpected errors in the page console', () => {
    expect(unexpectedPageErrors(browser.pageErrors)).toEqual([]);
  });
});
