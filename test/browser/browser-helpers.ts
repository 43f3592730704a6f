import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const screenshotDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true });
}

/** Signs in through the sign-in page, as a person would, and waits for My folders. */
export async function signInThroughPage(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'My folders' }).waitFor();
}

/** Marks the current document, so a test can tell a live update from a page reload. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { lightboxTestMark?: boolean }).lightboxTestMark = true;
  });
}

export async function documentIsStillMarked(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { lightboxTestMark?: boolean }).lightboxTestMark === true);
}

/** Console errors other than the expected refusals (401/403 while signed out or forbidden). */
export function unexpectedPageErrors(errors: readonly string[]): string[] {
  return errors.filter((message) => !/401|403|UNAUTHENTICATED|FORBIDDEN|INVALID_CREDENTIALS/.test(message));
}
