import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Brand } from '../../domain/shared/ids';

/** Lower-case hex SHA-256 of a blob's bytes: its identity and its address. */
export type Sha256 = Brand<string, 'Sha256'>;

export const isSha256 = (value: string): value is Sha256 => /^[0-9a-f]{64}$/.test(value);

export const sha256Of = (bytes: Uint8Array): Sha256 => createHash('sha256').update(bytes).digest('hex') as Sha256;

/** Content-addressed storage of immutable blobs (DICOM instances, attachments). */
export interface BlobStore {
  /** Stores the bytes and resolves once they, their name and their directory entry are on disk. Idempotent. */
  put(bytes: Uint8Array): Promise<Sha256>;
  /** The bytes of a stored blob; rejects with code `BLOB_NOT_FOUND` when absent. */
  get(sha: Sha256): Promise<Buffer>;
  has(sha: Sha256): Promise<boolean>;
  /** The file path of a blob (whether or not it exists). */
  path(sha: Sha256): string;
}

export class BlobNotFoundError extends Error {
  readonly code = 'BLOB_NOT_FOUND';
  constructor(readonly sha: string) {
    super(`blob ${sha} is not in the store`);
  }
}

async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * A blob store on the local file system: `<root>/<aa>/<sha256>` (one level of 256 shards, so after warm-up a
 * put costs two syncs: the file and its directory). A blob is written to a temporary file in
 * its final directory, fsynced, renamed into place, and the directory is fsynced, so a crash leaves either the
 * whole blob or nothing, and a resolved `put` survives power loss (DESIGN §1: answer C-STORE success only when
 * durable).
 */
export function createFileBlobStore(root: string): BlobStore {
  const path = (sha: Sha256) => join(root, sha.slice(0, 2), sha);
  const known = new Set<string>();

  async function exists(file: string): Promise<boolean> {
    try {
      await stat(file);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  return {
    path,
    async put(bytes) {
      const sha = sha256Of(bytes);
      const target = path(sha);
      if (known.has(sha) || (await exists(target))) {
        known.add(sha);
        return sha;
      }
      const dir = join(root, sha.slice(0, 2));
      const createdDirectories = await mkdir(dir, { recursive: true });
      const temp = join(dir, `.${sha}.${randomBytes(6).toString('hex')}.tmp`);
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.datasync();
      } catch (error) {
        await handle.close();
        await rm(temp, { force: true });
        throw error;
      }
      await handle.close();
      await rename(temp, target);
      await fsyncDirectory(dir);
      if (createdDirectories !== undefined) {
        await fsyncDirectory(root);
        if (createdDirectories === root) await fsyncDirectory(dirname(root));
      }
      known.add(sha);
      return sha;
    },
    async get(sha) {
      try {
        return await readFile(path(sha));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobNotFoundError(sha);
        throw error;
      }
    },
    has: (sha) => (known.has(sha) ? Promise.resolve(true) : exists(path(sha))),
  };
}
