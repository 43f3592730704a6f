import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../harness/browser';
import { storescu, tceFixture } from '../harness/dicom';
import { startTestServer, type TestServer } from '../harness/server';
import { documentIsStillMarked, markDocument, screenshot, signInThroughPage, unexpectedPageErrors } from './browser-helpers';

const admin = { email: 'admin@example.org', name: 'Ada Admin', password: 'correct-horse-a', admin: true };
const jane = { email: 'jane@example.org', name: 'Dr Jane Smith', password: 'correct-horse-j', gmc: 'GMC1234567' };

describe('the admin pages in a browser', () => {
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    await server.addUser(admin);
    await server.addUser(jane);
    browser = await launchBrowser();
    page = browser.page;
    await signInThroughPage(page, server.url, admin.email, admin.password);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows admins the Ingest and Sending nodes links, and an empty node list', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Ingest' }).waitFor();
    await nav.getByRole('link', { name: 'Sending nodes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sending nodes' }).waitFor();
    await page.getByText('No sending nodes yet.').waitFor();
  });

  it('adds a node and shows its STOW-RS token once, in a copyable box with a warning', async () => {
    await page.getByLabel('Name').fill('Test PACS');
    await page.getByLabel('AE title').fill('TESTPACS');
    await page.getByLabel('Host').fill('127.0.0.1');
    await page.getByRole('button', { name: 'Add node' }).click();

    const notice = page.getByRole('region', { name: /Test PACS is registered/ });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('This token is shown only once.');
    const token = await notice.getByRole('textbox').inputValue();
    expect(token).toMatch(/^lbxn_/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('token-heading');
    await page.getByRole('table').getByRole('rowheader', { name: 'Test PACS' }).waitFor();
    await screenshot(page, 'admin-node-token');

    await notice.getByRole('button', { name: /hide the token/ }).click();
    await notice.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(token);
  });

  it('explains a taken AE title and a bad host next to the field', async () => {
    await page.getByLabel('Name').fill('Second PACS');
    await page.getByLabel('AE title').fill('TESTPACS');
    await page.getByLabel('Host').fill('10.0.0.9');
    await page.getByRole('button', { name: 'Add node' }).click();
    await page.getByText('Another sending node already uses this AE title.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('node-ae-title');

    await page.getByLabel('AE title').fill('OLDPACS');
    await page.getByLabel('Host').fill('not a host!');
    await page.getByRole('button', { name: 'Add node' }).click();
    await page.getByText('Enter a host name (pacs.trust.nhs.uk) or an IP address (10.1.2.3).').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('node-host');
    await screenshot(page, 'admin-node-errors');
  });

  it('disables and re-enables a node, and removes one only after confirmation', async () => {
    await page.getByLabel('Host').fill('10.0.0.9');
    await page.getByRole('button', { name: 'Add node' }).click();
    await page.getByRole('region', { name: /Second PACS is registered/ }).waitFor();

    const toggle = page.getByRole('switch', { name: 'Second PACS may send' });
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await page.waitForFunction(() => document.querySelector('[aria-label="Second PACS may send"]')?.getAttribute('aria-checked') === 'false');

    const row = page.getByRole('row').filter({ hasText: 'OLDPACS' });
    await row.getByRole('button', { name: 'Remove Second PACS' }).click();
    await row.getByText('Remove Second PACS? It will no longer be able to send.').waitFor();
    await screenshot(page, 'admin-node-confirm-remove');
    await row.getByRole('button', { name: 'Yes, remove' }).click();
    await page.getByRole('row').filter({ hasText: 'OLDPACS' }).waitFor({ state: 'detached' });
    await page.getByRole('rowheader', { name: 'Test PACS' }).waitFor();
  });

  it('shows a refused association and a quarantined object on the ingest page as they happen', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Ingest' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ingest' }).waitFor();
    await page.getByText('No sender has connected yet.').waitFor();
    await page.getByText('Nothing in quarantine.').waitFor();
    await screenshot(page, 'admin-ingest-empty');
    await markDocument(page);

    const refused = await storescu(server.app.dicomPort, [tceFixture('ct-1')], { callingAet: 'STRANGER' });
    expect(refused.code).not.toBe(0);
    const associations = page.getByRole('region', { name: 'Recent associations', exact: true });
    const strangerRow = associations.getByRole('row').filter({ hasText: 'STRANGER' });
    await strangerRow.waitFor({ timeout: 15_000 });
    expect(await strangerRow.textContent()).toContain('Refused');
    expect(await strangerRow.textContent()).toContain('calling AE title is not registered');

    const sent = await storescu(server.app.dicomPort, [tceFixture('ct-no-pir')]);
    expect(sent.code, sent.stderr).toBe(0);
    const quarantine = page.getByRole('region', { name: 'Quarantine', exact: true });
    await quarantine.getByRole('row').nth(1).waitFor({ timeout: 15_000 });
    expect(await quarantine.textContent()).toMatch(/PatientIdentityRemoved|Patient Identity Removed/);
    expect(await quarantine.textContent()).toContain('TESTPACS');
    expect(await documentIsStillMarked(page)).toBe(true);
  });

  it('lists a submission waiting for its instances, with the missing UIDs folded away', async () => {
    const sent = await storescu(server.app.dicomPort, ['ct-1', 'kos-mismatch'].map(tceFixture));
    expect(sent.code, sent.stderr).toBe(0);
    const pending = page.getByRole('region', { name: 'Pending submissions' });
    const record = pending.getByRole('listitem').first();
    await record.waitFor({ timeout: 15_000 });
    await pending.getByText(/2 instances missing/).waitFor({ timeout: 15_000 });
    await pending.getByText(/Show 2 missing SOP Instance UIDs/).click();
    await screenshot(page, 'admin-ingest');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('deletes a quarantined object only with a reason, and it leaves the quarantine', async () => {
    const quarantine = page.getByRole('region', { name: 'Quarantine', exact: true });
    const row = quarantine.getByRole('row').nth(1);
    await row.getByRole('button', { name: 'Delete…' }).click();
    await row.getByRole('button', { name: 'Delete for good' }).click();
    await row.getByText('Say why the object is deleted.').waitFor();
    await row.getByLabel('Reason for deleting').fill('patient identity not removed by the sender');
    await screenshot(page, 'admin-quarantine-delete');
    await row.getByRole('button', { name: 'Delete for good' }).click();
    await quarantine.getByText('Nothing in quarantine.').waitFor({ timeout: 15_000 });
  });

  it('routes a called AE title to a folder and removes the route again', async () => {
    const routes = page.getByRole('region', { name: 'Called AE routes' });
    await routes.getByLabel('Called AE title').fill('TEACHING');
    await routes.getByLabel('Folder').selectOption({ index: 1 });
    await routes.getByRole('button', { name: 'Save route' }).click();
    const route = routes.getByRole('listitem').filter({ hasText: 'TEACHING' });
    await route.waitFor();
    await screenshot(page, 'admin-ingest-route');
    await route.getByRole('button', { name: 'Remove route for TEACHING' }).click();
    await route.waitFor({ state: 'detached' });
  });

  it('tells a radiologist who is not an admin that the admin pages are not for them', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    await signInThroughPage(page, server.url, jane.email, jane.password);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Ingest' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Sending nodes' }).count()).toBe(0);

    for (const path of ['/admin/ingest', '/admin/nodes']) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
    }
    expect(await page.getByRole('table').count()).toBe(0);
    await screenshot(page, 'admin-not-allowed');
  });

  it('raised no unexpected errors in the page console', () => {
    expect(unexpectedPageErrors(browser.pageErrors)).toEqual([]);
  });
});
