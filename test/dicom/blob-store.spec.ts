import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileBlobStore, sha256Of, type Sha256 } from '../../server/dicom/blob-store';
import { freshTempDir } from './dcmtk';

describe('content-addressed blob store', () => {
  it('stores bytes under their sha256 and reads them back', async () => {
    const store = createFileBlobStore(await freshTempDir('blobs'));
    const bytes = Buffer.from('hello lightbox');
    const sha = await store.put(bytes);
    expect(sha).toBe(sha256Of(bytes));
    expect(await store.has(sha)).toBe(true);
    expect((await store.get(sha)).equals(bytes)).toBe(true);
    expect(store.path(sha)).toContain(sha);
  });

  it('is idempotent, including for concurrent puts of the same bytes, and leaves no temp files', async () => {
    const root = await freshTempDir('blobs');
    const store = createFileBlobStore(root);
    const bytes = Buffer.alloc(100_000, 7);
    const shas = await Promise.all([1, 2, 3, 4].map(() => store.put(bytes)));
    expect(new Set(shas).size).toBe(1);
    const files = (await readdir(root, { recursive: true })).map(String);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files.filter((f) => f.endsWith(shas[0]!))).toHaveLength(1);
  });

  it('reports a missing blob with a stable code', async () => {
    const store = createFileBlobStore(await freshTempDir('blobs'));
    const absent = sha256Of(Buffer.from('absent')) as Sha256;
    expect(await store.has(absent)).toBe(false);
    await expect(store.get(absent)).rejects.toMatchObject({ code: 'BLOB_NOT_FOUND' });
  });

  it('finds blobs written by an earlier instance of the store', async () => {
    const root = await freshTempDir('blobs');
    const sha = await createFileBlobStore(root).put(Buffer.from('persisted'));
    expect(await createFileBlobStore(root).has(sha)).toBe(true);
  });

  it('replaces a partial file that a crash left at the content address instead of trusting it', async () => {
    const root = await freshTempDir('blobs');
    const bytes = Buffer.alloc(200_000, 3);
    const sha = sha256Of(bytes);
    const store = createFileBlobStore(root);
    await mkdir(dirname(store.path(sha)), { recursive: true });
    await writeFile(store.path(sha), bytes.subarray(0, 4096));
    expect(await store.has(sha)).toBe(false);
    expect(await store.put(bytes)).toBe(sha);
    expect((await store.get(sha)).equals(bytes)).toBe(true);
    expect((await readdir(root, { recursive: true })).map(String).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('stores under a digest computed by the caller and refuses one that is not a digest', async () => {
    const store = createFileBlobStore(await freshTempDir('blobs'));
    const bytes = Buffer.from('hashed while it arrived');
    expect(await store.put(bytes, sha256Of(bytes))).toBe(sha256Of(bytes));
    expect((await store.get(sha256Of(bytes))).equals(bytes)).toBe(true);
    await expect(store.put(bytes, 'not-a-digest')).rejects.toThrow(/not a SHA-256/);
  });
});
