import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BASIC_PROFILE } from '../../domain/deid/options';
import { readPart10 } from '../../server/deid/codec/read-part10';
import { writePart10 } from '../../server/deid/codec/write-part10';
import { freePort } from '../harness/free-port';
import { gatewayFixture, ReviewClient, sendToGateway, startTestGateway, waitForExport } from './gateway-harness';

const running: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const peer of running.splice(0).reverse()) await peer.close();
});

/** ct-3 with half its pixel data missing: Clean Pixel Data cannot check it, so the engine holds it. */
async function uncheckableCopy(dir: string): Promise<string> {
  const parsed = readPart10(await readFile(gatewayFixture('ct-3')));
  const dataset = parsed.dataset.map((e) => (e.tag === 0x7fe00010 && e.value ? { ...e, value: e.value.subarray(0, e.value.length / 2) } : e));
  const file = path.join(dir, 'ct-3-short-pixels.dcm');
  await writeFile(file, writePart10(parsed.meta, dataset, parsed.transferSyntax));
  return file;
}

describe('gateway: Clean Pixel Data holds', () => {
  it('flags an instance the pixel cleaner could not check, in the store and on the page', async () => {
    const gateway = await startTestGateway([`dicom://NOBODY@127.0.0.1:${await freePort()}`], { profile: { ...BASIC_PROFILE, cleanPixelData: true } });
    running.push(gateway);
    const short = await uncheckableCopy(gateway.dataDir);
    await sendToGateway(gateway, [gatewayFixture('ct-1'), gatewayFixture('ct-2'), short, gatewayFixture('atfi'), gatewayFixture('kos-final')]);
    const pending = await waitForExport(gateway, (e) => e.status === 'awaiting-review', 60_000);

    const held = gateway.store.exportedInstances(pending.id).filter((i) => i.heldForReview !== null);
    expect(held).toHaveLength(1);
    expect(held[0]?.heldForReview).toMatch(/pixel data has \d+ bytes/);
    const review = new ReviewClient(gateway.baseUrl);
    await review.signIn();
    const list = await (await review.get('/')).text();
    expect(list).toContain('<strong class="warn">1</strong>');
    const page = await (await review.get(`/exports/${pending.id}`)).text();
    expect(page).toContain('Held for review:</strong> pixel data has');
  }, 90_000);
});
