import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser } from '../harness/browser';
import { freePort } from '../harness/free-port';
import { gatewayFixture, sendToGateway, startTestGateway, UI_PASSWORD, waitForExport } from './gateway-harness';

const running: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const peer of running.splice(0).reverse()) await peer.close();
});

const screenshots = path.resolve('test-results');

describe('gateway preview page in Chromium', () => {
  it('signs in, shows the pending export with its de-identified images rendered, and releases it from the page', async () => {
    const gateway = await startTestGateway([`dicom://NOBODY@127.0.0.1:${await freePort()}`], { attempts: 1 });
    running.push(gateway);
    await sendToGateway(gateway, ['ct-1', 'ct-2', 'ct-3', 'atfi', 'kos-final'].map(gatewayFixture));
    const pending = await waitForExport(gateway, (e) => e.status === 'awaiting-review');
    const browser = await launchBrowser();
    running.push(browser);
    const { page } = browser;
    await mkdir(screenshots, { recursive: true });

    await page.goto(`${gateway.baseUrl}/`);
    await page.getByLabel('Gateway password').fill(UI_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'For Teaching File Export' }).waitFor();
    await page.screenshot({ path: path.join(screenshots, 'gateway-exports.png'), fullPage: true });

    await page.getByRole('link', { name: 'For Teaching File Export' }).click();
    await page.getByText('Check for burned-in text.').waitFor();
    const images = page.locator('.gallery img');
    await expect.poll(() => images.count()).toBe(3);
    await expect
      .poll(() => images.evaluateAll((all) => all.filter((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth === 64).length))
      .toBe(3);
    expect(await images.evaluateAll((all) => all.every((img) => (img.getAttribute('alt') ?? '').startsWith('De-identified image')))).toBe(true);
    expect(await page.locator('.noimage').count()).toBe(2);
    await page.locator('details').first().locator('summary').click();
    expect(await page.locator('details').first().textContent()).toContain('Patient Identity Removed');
    expect(await page.locator('details').first().textContent()).not.toContain('DOE^JOHN');
    await page.screenshot({ path: path.join(screenshots, 'gateway-preview.png'), fullPage: true });

    await page.getByRole('button', { name: /Release to 1 destination/ }).click();
    await page.getByText('Released: the export is queued').waitFor();
    await waitForExport(gateway, (e) => e.id === pending.id && e.status === 'failed');
    await page.reload();
    await page.getByRole('heading', { name: 'Export log' }).waitFor();
    await page.screenshot({ path: path.join(screenshots, 'gateway-export-log.png'), fullPage: true });
    expect(browser.pageErrors, browser.pageErrors.join('\n')).toEqual([]);
  });
});
