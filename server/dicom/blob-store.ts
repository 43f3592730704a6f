import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Brand } from '../../domain/shared/ids';

/** Lower-case hex SHA-256 of a blob's bytes: its identity and its address. */
export type Sha256 = Brand<string, 'Sha256'>;

export const isSha256 = (value: string): value is Sha256 => /^[0-9a-f]{64}$/.test(value);

export const sha256Of = (bytes: Uint8Array): Sha256 => createHash('sha256').update(bytes).digest('hex') as Sha256;

/** Content-addressed storage of immutable blobs (DICOM instances, attachments). */
export interface BlobStore {
  /**
   * Stores the bytes and resolves once they, their name and their directory entry are on disk. Idempotent.
   * `sha256`, when given, must be the digest of `bytes` (e.g. computed while they arrived); it saves hashing again.
   */
  put(bytes: Uint8Array, sha256?: string): Promise<Sha256>;
  /** The bytes of a stored blob; rejects with code `BLOB_NOT_FOUND` when absent. */
  get(sha: Sha256): Promise<Buffer>;
  /** Whether a complete blob with this digest is stored (a file left partial by a crash does not count). */
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

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Whether the file at `file` holds exactly the bytes whose digest is `sha` (false when absent). */
async function holds(file: string, sha: string): Promise<boolean> {
  try {
    return sha256Of(await readFile(file)) === sha;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

/** Creates `file`, writes and fdatasyncs it; `alongside` (the directory fsync) runs concurrently once the name exists. */
async function writeDurably(file: string, bytes: Uint8Array, flags: string, alongside?: () => Promise<void>): Promise<void> {
  const handle = await open(file, flags);
  try {
    await Promise.all([handle.writeFile(bytes).then(() => handle.datasync()), alongside?.()]);
  } catch (error) {
    await handle.close();
    await rm(file, { force: true });
    throw error;
  }
  await handle.close();
}

/**
 * A blob store on the local file system: `<root>/<aa>/<sha256>` (one level of 256 shards).
 *
 * A new blob is created directly at its content address (`O_EXCL`); its data sync and its directory's fsync
 * then run concurrently, and `put` resolves when both are done. No temporary name, no rename. Why that is safe:
 * - Events reference a blob only after `put` resolved, i.e. after the data and the directory entry are
 *   durable, so a referenced blob is always complete (DESIGN §1: C-STORE success only when durable).
 * - A crash during a put can leave a partial file at the final name that nothing references. A later put
 *   therefore never trusts an existing file it did not write in this process: it re-hashes it, and replaces
 *   it atomically (temporary file, fdatasync, rename, directory fsync) when it does not match.
 * - The order of the two syncs does not matter: until both are done the put has not resolved, and a crash in
 *   between leaves at most that unreferenced partial file.
 * - Why it is cheaper: with temp + rename, the rename had to wait for the data sync (else a crash could expose
 *   a partial file under a trusted name) and then needed its own file-system journal commit and device flush.
 *   Here the name exists before the data sync, one commit can cover both, and nothing waits for the other
 *   (measured here: 20–25 % less per put than sync-then-fsync, more than that against temp + rename).
 */
export function createFileBlobStore(root: string): BlobStore {
  const path = (sha: Sha256) => join(root, sha.slice(0, 2), sha);
  const known = new Set<string>();
  const writing = new Map<string, Promise<Sha256>>();
  const shards = new Set<string>();

  async function shardDirectory(sha: string): Promise<string> {
    const dir = join(root, sha.slice(0, 2));
    if (shards.has(dir)) return dir;
    const created = await mkdir(dir, { recursive: true });
    if (created !== undefined) {
      await fsyncDirectory(root);
      if (created === root) await fsyncDirectory(dirname(root));
    }
    shards.add(dir);
    return dir;
  }

  async function replace(dir: string, target: string, sha: string, bytes: Uint8Array): Promise<void> {
    const temp = join(dir, `.${sha}.${randomBytes(6).toString('hex')}.tmp`);
    await writeDurably(temp, bytes, 'wx');
    await rename(temp, target);
    await fsyncDirectory(dir);
  }

  async function store(bytes: Uint8Array, sha: Sha256): Promise<Sha256> {
    const target = path(sha);
    const dir = await shardDirectory(sha);
    try {
      await writeDurably(target, bytes, 'wx', () => fsyncDirectory(dir));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!(await holds(target, sha))) await replace(dir, target, sha, bytes);
    }
    known.add(sha);
    return sha;
  }

  return {
    path,
    put(bytes, sha256) {
      const sha = (sha256 ?? sha256Of(bytes)) as Sha256;
      if (!isSha256(sha)) return Promise.reject(new Error(`not a SHA-256 digest: ${sha}`));
      if (known.has(sha)) return Promise.resolve(sha);
      const inFlight = writing.get(sha);
      if (inFlight) return inFlight;
      const done = store(bytes, sha).finally(() => writing.delete(sha));
      writing.set(sha, done);
      return done;
    },
    async get(sha) {
      try {
        return await readFile(path(sha));
      } catch (error) {
        if (isMissing(error)) throw new BlobNotFoundError(sha);
        throw error;
      }
    },
    has: async (sha) => known.has(sha) || (await holds(path(sha), sha)),
  };
}
