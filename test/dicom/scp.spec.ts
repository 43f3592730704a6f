import { readFile, readdir } from 'node:fs/promises';
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileBlobStore, type BlobStore, type Sha256 } from '../../server/dicom/blob-store';
import { parseStoredInstance, storeStatusForError } from '../../server/dicom/parse';
import { startStorageScp, type AssociationEvent, type ReceivedInstance, type RunningStorageScp, type StorageScpOptions } from '../../server/dicom/scp';
import { echoscu, fixture, freshTempDir, runTool, storescu } from './dcmtk';
import { datasetBytes } from './part10-bytes';

interface Harness {
  scp: RunningStorageScp;
  blobs: BlobStore;
  blobRoot: string;
  received: Array<ReceivedInstance & { sha: Sha256 }>;
  events: AssociationEvent[];
}

let harness: Harness;

async function start(overrides: Partial<StorageScpOptions> = {}): Promise<Harness> {
  const blobRoot = await freshTempDir('scp-blobs');
  const blobs = createFileBlobStore(blobRoot);
  const received: Harness['received'] = [];
  const events: AssociationEvent[] = [];
  const scp = await startStorageScp({
    port: 0,
    host: '127.0.0.1',
    aeTitle: 'LIGHTBOX',
    acceptAssociation: (peer) =>
      peer.callingAet === 'STRANGER' ? { accept: false, reason: 'calling-ae-not-recognized' } : { accept: true },
    store: async (instance) => {
      parseStoredInstance(instance.bytes, instance);
      const sha = await blobs.put(instance.bytes);
      received.push({ ...instance, sha });
      return { status: 0 };
    },
    onAssociationEvent: (event) => events.push(event),
    ...overrides,
  });
  return { scp, blobs, blobRoot, received, events };
}

const waitFor = async (condition: () => boolean, ms = 5000) => {
  const until = Date.now() + ms;
  while (!condition() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  expect(condition()).toBe(true);
};

describe('Storage SCP against dcmtk', () => {
  beforeEach(async () => {
    harness = await start();
  });
  afterEach(async () => {
    await harness.scp.close();
  });

  it('answers C-ECHO', async () => {
    const result = await echoscu(harness.scp.port);
    expect(result.code).toBe(0);
  });

  it('stores the dataset bytes exactly as sent, private tags included', async () => {
    const result = await storescu(harness.scp.port, [fixture('ct-1')]);
    expect(result.code).toBe(0);
    expect(harness.received).toHaveLength(1);
    const stored = await harness.blobs.get(harness.received[0]!.sha);
    const original = await readFile(fixture('ct-1'));
    expect(datasetBytes(stored).equals(datasetBytes(original))).toBe(true);
    expect(stored.includes(Buffer.from('private value kept verbatim'))).toBe(true);
    expect(harness.received[0]!.transferSyntaxUid).toBe('1.2.840.10008.1.2.1');
    const dump = await runTool('dcmdump', ['+E', harness.blobs.path(harness.received[0]!.sha)]);
    expect(dump.code).toBe(0);
    expect(dump.stdout).toContain('(0019,1010) LO [private value kept verbatim]');
  });

  it('accepts an association that proposes Implicit VR Little Endian only', async () => {
    const result = await storescu(harness.scp.port, [fixture('ct-1')], ['-xi']);
    expect(result.code).toBe(0);
    const instance = harness.received[0]!;
    expect(instance.transferSyntaxUid).toBe('1.2.840.10008.1.2');
    const stored = await harness.blobs.get(instance.sha);
    expect(stored.includes(Buffer.from('private value kept verbatim'))).toBe(true);
  });

  it('keeps a JPEG Lossless instance compressed, as sent', async () => {
    const result = await storescu(harness.scp.port, [fixture('ct-1-jpeg-lossless')], ['-xs']);
    expect(result.code).toBe(0);
    const instance = harness.received[0]!;
    expect(instance.transferSyntaxUid).toBe('1.2.840.10008.1.2.4.70');
    const original = await readFile(fixture('ct-1-jpeg-lossless'));
    expect(datasetBytes(await harness.blobs.get(instance.sha)).equals(datasetBytes(original))).toBe(true);
  });

  it('rejects an unregistered calling AE and reports why', async () => {
    const result = await echoscu(harness.scp.port, 'LIGHTBOX', 'STRANGER');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/Calling AE Title Not Recognized/i);
    expect(harness.events).toContainEqual(expect.objectContaining({ type: 'rejected', reason: 'calling-ae-not-recognized' }));
  });

  it('answers the status the store callee returns', async () => {
    await harness.scp.close();
    harness = await start({ store: async () => ({ status: 0xa700 }) });
    const result = await storescu(harness.scp.port, [fixture('ct-2')], ['-v']);
    expect(`${result.stdout}${result.stderr}`).toMatch(/Store Response \(Refused: OutOfResources\)/);
    await waitFor(() => harness.events.some((e) => e.type === 'closed'));
    expect(harness.events).toContainEqual(expect.objectContaining({ type: 'closed', stored: 0, failed: 1 }));
  });

  it('answers 0xC000 when the callee finds the bytes unreadable', async () => {
    await harness.scp.close();
    harness = await start({
      store: async (instance) => {
        try {
          parseStoredInstance(instance.bytes.subarray(0, instance.bytes.length - 100), instance);
          return { status: 0 };
        } catch (error) {
          return { status: storeStatusForError(error) };
        }
      },
    });
    const result = await storescu(harness.scp.port, [fixture('ct-3')], ['-v']);
    expect(`${result.stdout}${result.stderr}`).toMatch(/Store Response \(Error: CannotUnderstand\)/);
  });

  it('finishes promptly when the sender aborts instead of releasing', async () => {
    const result = await storescu(harness.scp.port, [fixture('ct-1')], ['--abort']);
    expect(result.code).toBe(0);
    expect(result.ms).toBeLessThan(5000);
    await waitFor(() => harness.events.some((e) => e.type === 'closed'));
    expect(harness.events).toContainEqual(expect.objectContaining({ type: 'closed', stored: 1 }));
  });

  it('survives a connection cut in the middle of a transfer and keeps serving', async () => {
    const cutAfterBytes = 1200;
    const proxy = net.createServer((client) => {
      const upstream = net.connect(harness.scp.port, '127.0.0.1');
      let forwarded = 0;
      client.on('data', (chunk: Buffer) => {
        const room = cutAfterBytes - forwarded;
        upstream.write(chunk.subarray(0, Math.max(0, room)));
        forwarded += chunk.length;
        if (forwarded >= cutAfterBytes) {
          client.destroy();
          upstream.destroy();
        }
      });
      upstream.on('data', (chunk) => client.write(chunk));
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const proxyPort = (proxy.address() as net.AddressInfo).port;
    const cut = await storescu(proxyPort, [fixture('kos-tce001')]);
    proxy.close();
    expect(cut.code).not.toBe(0);
    expect(harness.received).toHaveLength(0);
    const after = await storescu(harness.scp.port, [fixture('ct-2')]);
    expect(after.code).toBe(0);
    expect(harness.received).toHaveLength(1);
    const leftovers = (await readdir(harness.blobRoot, { recursive: true })).filter((f) => String(f).endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });

  it('serves concurrent associations', async () => {
    const files = ['ct-1', 'ct-2', 'ct-3', 'mr-1', 'mr-2'].map(fixture);
    const results = await Promise.all(Array.from({ length: 6 }, () => storescu(harness.scp.port, files)));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(harness.received).toHaveLength(30);
    expect(new Set(harness.received.map((r) => r.associationId)).size).toBe(6);
    expect(new Set(harness.received.map((r) => r.sha)).size).toBe(5);
    await waitFor(() => harness.events.filter((e) => e.type === 'closed').length === 6);
  });
});
