import { createHash, randomBytes } from 'node:crypto';
import { constants, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Brand } from '../../domain/shared/ids';
import { BlobJournal, recoverJournal } from './blob-journal';

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

async function writeDurably(file: string, bytes: Uint8Array, flags: string, sync: boolean): Promise<void> {
  const handle = await open(file, flags);
  try {
    await handle.writeFile(bytes);
    if (sync) await handle.datasync();
  } catch (error) {
    await handle.close();
    await rm(file, { force: true });
    throw error;
  }
  await handle.close();
}

export interface FileBlobStoreOptions {
  /** Size of the write-ahead journal's segments (default 16 MiB); 0 turns the journal off. */
  readonly journalSegmentBytes?: number;
}

/** The file blob store, plus `warmUp()`: resolves once the journal has a segment ready (puts work before too). */
export type FileBlobStore = BlobStore & { warmUp(): Promise<void> };

/**
 * A blob store on the local file system: `<root>/<aa>/<sha256>` (one level of 256 shards), with a write-ahead
 * journal in `<root>/.journal` (`blob-journal.ts`).
 *
 * A put writes the blob at its content address and appends it to the journal, whose single data-only fdatasync
 * makes it durable; files and directory entries are made durable in bulk by the journal's checkpoint. Without
 * a ready segment (first puts, or a blob larger than a segment) the file itself is fdatasynced and its
 * directory fsynced. Either way, `put` resolves only when the blob survives power loss, so events referencing
 * it can follow (DESIGN §1: C-STORE success only when durable). Why the rest is safe:
 * - A crash can leave a partial file at a blob's address, but only for a put that never resolved, so nothing
 *   references it. A later put never trusts a file it did not write in this process: it re-hashes it, replaces
 *   it atomically when it does not match (temp file, fdatasync, rename, directory fsync), and syncs it when it does.
 * - On open, journal records are replayed (recovering blob files lost with the page cache) before any read.
 * - A blob deleted within about a second of arriving (quarantine) can be restored by that replay after a
 *   crash; the idle checkpoint keeps this window short, and deletion is re-applied by its own event.
 */
export function createFileBlobStore(root: string, options: FileBlobStoreOptions = {}): FileBlobStore {
  const path = (sha: Sha256) => join(root, sha.slice(0, 2), sha);
  const known = new Set<string>();
  const writing = new Map<string, Promise<Sha256>>();
  const shards = new Set<string>();
  const segmentBytes = options.journalSegmentBytes ?? 16 << 20;
  const journalDir = join(root, '.journal');

  const materialize = (sha: string, bytes: Buffer) => {
    const target = join(root, sha.slice(0, 2), sha);
    try {
      if (sha256Of(readFileSync(target)) === sha) return;
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    mkdirSync(dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(temp, bytes);
    renameSync(temp, target);
  };
  const recovered = segmentBytes > 0 ? recoverJournal(journalDir, root, materialize) : null;
  const journal = recovered ? new BlobJournal(journalDir, root, segmentBytes, recovered.segments, recovered.maxSeq) : null;

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
    await writeDurably(temp, bytes, 'wx', true);
    await rename(temp, target);
    await fsyncDirectory(dir);
  }

  async function syncExisting(dir: string, target: string): Promise<void> {
    const handle = await open(target, 'r');
    await handle.datasync().finally(() => handle.close());
    await fsyncDirectory(dir);
  }

  async function store(bytes: Uint8Array, sha: Sha256): Promise<Sha256> {
    const target = path(sha);
    const dir = await shardDirectory(sha);
    try {
      await writeDurably(target, bytes, 'wx', journal === null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await holds(target, sha)) await syncExisting(dir, target);
      else await replace(dir, target, sha, bytes);
      known.add(sha);
      return sha;
    }
    if (journal === null) await fsyncDirectory(dir);
    else if (!(await journal.append(sha, bytes))) await syncExisting(dir, target);
    known.add(sha);
    return sha;
  }

  return {
    path,
    warmUp: () => journal?.warmUp() ?? Promise.resolve(),
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
