import { open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileBlobStore, sha256Of } from '../../server/dicom/blob-store';
import { freshTempDir } from './dcmtk';

const segmentBytes = 1 << 20;
const blob = (seed: number, size = 100_000) => Buffer.alloc(size, seed);

async function journalSegments(root: string): Promise<string[]> {
  return (await readdir(join(root, '.journal'))).filter((f) => f.endsWith('.seg')).map((f) => join(root, '.journal', f));
}

describe('blob store write-ahead journal', () => {
  it('restores blobs whose files were lost in a crash from the journal when the store is opened again', async () => {
    const root = await freshTempDir('journal');
    const store = createFileBlobStore(root, { journalSegmentBytes: segmentBytes });
    await store.warmUp();
    const shas = await Promise.all([1, 2, 3].map((seed) => store.put(blob(seed))));
    expect(await journalSegments(root)).toHaveLength(1);
    for (const sha of shas) await rm(store.path(sha));
    await open(store.path(shas[1]!), 'w').then((h) => h.close());
    const reopened = createFileBlobStore(root, { journalSegmentBytes: segmentBytes });
    for (const [i, sha] of shas.entries()) expect((await reopened.get(sha)).equals(blob(i + 1))).toBe(true);
  });

  it('skips a record torn by a crash and still finds the complete records after it', async () => {
    const root = await freshTempDir('journal');
    const store = createFileBlobStore(root, { journalSegmentBytes: segmentBytes });
    await store.warmUp();
    const first = await store.put(blob(7));
    const second = await store.put(blob(8));
    const [segment] = await journalSegments(root);
    const handle = await open(segment!, 'r+');
    await handle.write(Buffer.alloc(64, 0xee), 0, 64, 2000);
    await handle.close();
    await rm(store.path(first));
    await rm(store.path(second));
    const reopened = createFileBlobStore(root, { journalSegmentBytes: segmentBytes });
    expect(await reopened.has(first)).toBe(false);
    expect((await reopened.get(second)).equals(blob(8))).toBe(true);
  });

  it('moves on to a fresh segment when one fills up, and stores blobs larger than a segment directly', async () => {
    const root = await freshTempDir('journal');
    const store = createFileBlobStore(root, { journalSegmentBytes: segmentBytes });
    await store.warmUp();
    const shas: string[] = [];
    for (let seed = 10; seed < 40; seed += 1) shas.push(await store.put(blob(seed)));
    const large = blob(99, 2 * segmentBytes);
    expect(await store.put(large)).toBe(sha256Of(large));
    expect(new Set(shas).size).toBe(30);
    for (const [i, sha] of shas.entries()) expect((await store.get(sha as never)).equals(blob(10 + i))).toBe(true);
    expect((await journalSegments(root)).length).toBeGreaterThan(1);
  });
});
