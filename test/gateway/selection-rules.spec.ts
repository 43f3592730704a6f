import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../harness/free-port';
import { gatewayFixture, ReviewClient, sendToGateway, startTestGateway, waitForExport } from './gateway-harness';

const running: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const peer of running.splice(0).reverse()) await peer.close();
});

/** A destination nobody listens on: a port that was free a moment ago. */
const nowhere = async () => `dicom://NOBODY@127.0.0.1:${await freePort()}`;

async function exportFiles(dataDir: string): Promise<string[]> {
  try {
    return await readdir(path.join(dataDir, 'gateway', 'exports'), { recursive: true });
  } catch {
    return [];
  }
}

describe('gateway: what is held, what waits, what never leaves', () => {
  it('holds a delayed manifest until a superseding manifest without delay arrives, then previews only the final one', async () => {
    const gateway = await startTestGateway([await nowhere()]);
    running.push(gateway);
    await sendToGateway(gateway, [gatewayFixture('ct-1'), gatewayFixture('kos-delayed')]);
    const held = await waitForExport(gateway, (e) => e.status === 'delayed');
    expect(held.delayReason).toBe('clinical-information');
    expect(await exportFiles(gateway.dataDir)).toEqual([]);

    await sendToGateway(gateway, ['ct-2', 'ct-3', 'atfi', 'kos-final'].map(gatewayFixture));
    const final = await waitForExport(gateway, (e) => e.status === 'awaiting-review');
    const superseded = gateway.store.export(held.id)!;
    expect(superseded.status).toBe('superseded');
    expect(superseded.supersededBy).toBe(final.manifests[0]);
    expect(gateway.store.exportedInstances(final.id)).toHaveLength(5);
    expect(gateway.store.exportedInstances(held.id)).toEqual([]);
  });

  it('waits for an incomplete selection, lists what is missing, and de-identifies once the last instance arrives', async () => {
    const gateway = await startTestGateway([await nowhere()]);
    running.push(gateway);
    await sendToGateway(gateway, ['kos-final', 'ct-1', 'ct-2'].map(gatewayFixture));
    const waiting = await waitForExport(gateway, (e) => e.status === 'waiting');
    expect(waiting.missing).toHaveLength(2);
    expect(await exportFiles(gateway.dataDir)).toEqual([]);

    await sendToGateway(gateway, ['ct-3', 'atfi'].map(gatewayFixture));
    const ready = await waitForExport(gateway, (e) => e.id === waiting.id && e.status === 'awaiting-review');
    expect(ready.missing).toEqual([]);
  });

  it('never sends a rejected export, and refuses a rejection without a reason', async () => {
    const destination = await nowhere();
    const gateway = await startTestGateway([destination]);
    running.push(gateway);
    await sendToGateway(gateway, ['ct-1', 'ct-2', 'ct-3', 'atfi', 'kos-final'].map(gatewayFixture));
    const pending = await waitForExport(gateway, (e) => e.status === 'awaiting-review');
    const review = new ReviewClient(gateway.baseUrl);
    await review.signIn();

    expect((await review.reject(pending.id, '   ')).status).toBe(409);
    expect((await review.reject(pending.id, 'Name burned into the scout image')).status).toBe(303);
    expect((await review.release(pending.id)).status).toBe(409);
    expect(gateway.store.export(pending.id)).toMatchObject({ status: 'rejected', rejectReason: 'Name burned into the scout image' });
    expect(gateway.store.deliveries(pending.id)).toEqual([]);
  });

  it('retries an unreachable destination with back-off and says so in the log, then marks the export failed', async () => {
    const destination = await nowhere();
    const gateway = await startTestGateway([destination], { attempts: 3 });
    running.push(gateway);
    await sendToGateway(gateway, ['ct-1', 'ct-2', 'ct-3', 'atfi', 'kos-final'].map(gatewayFixture));
    const pending = await waitForExport(gateway, (e) => e.status === 'awaiting-review');
    const review = new ReviewClient(gateway.baseUrl);
    await review.signIn();
    await review.release(pending.id);
    await waitForExport(gateway, (e) => e.id === pending.id && e.status === 'failed');

    const log = gateway.store.deliveries(pending.id);
    expect(log).toHaveLength(5);
    for (const delivery of log) {
      expect(delivery).toMatchObject({ destination, status: 'failed', attempts: 3 });
      expect(delivery.detail).toMatch(/gave up after 3 attempts/);
      expect(delivery.detail).toMatch(/Connection refused|TCP Initialization Error/i);
    }
    const page = await (await review.get(`/exports/${pending.id}`)).text();
    expect(page.match(/badge-d-failed/g)).toHaveLength(5);
    expect(page).toContain('gave up after 3 attempts');
  });

  it('keeps the review UI closed without the password', async () => {
    const gateway = await startTestGateway([await nowhere()]);
    running.push(gateway);
    expect((await fetch(`${gateway.baseUrl}/`, { redirect: 'manual' })).headers.get('location')).toBe('/login');
    expect(await new ReviewClient(gateway.baseUrl).signIn('wrong')).toBe(401);
    const anonymous = await fetch(`${gateway.baseUrl}/exports/x/release`, { method: 'POST', redirect: 'manual' });
    expect(anonymous.status).toBe(401);
  });
});
