import { createHash } from 'node:crypto';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { open, rename, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A write-ahead journal that makes blob puts durable with one data-only flush.
 *
 * A put writes the blob file at its address without syncing it, appends a record (header with the SHA-256,
 * then the bytes) to a preallocated segment, and fdatasyncs the segment. The segment's blocks were written
 * and synced when it was made, so that flush writes data only: no block allocation, no inode or directory
 * change, no file-system journal commit (a new file needs one for its blocks and another for its name).
 * Concurrent puts share one fdatasync (group commit).
 *
 * Checkpoint: when a segment is full, or after `IDLE_MS` without puts, one `syncfs` (`sync -f`) makes every
 * blob file and directory entry written so far durable, and the segment is recycled. Recovery (on open):
 * every record of every segment whose bytes match its SHA-256 is written out again unless its file already
 * holds exactly those bytes, then `syncfs`. A record torn by a crash was never acknowledged; it is skipped,
 * and the scan continues at the next 4 KiB boundary, where records start, so a later complete record is
 * still found. Records carry their segment's sequence number; a recycled segment gets a new number (renamed,
 * directory fsynced) so stale records in it are ignored.
 */
const MAGIC = 0x4c424a31;
const HEADER = 48;
const ALIGN = 4096;
const IDLE_MS = 1000;
const align = (n: number) => Math.ceil(n / ALIGN) * ALIGN;
const segmentName = (seq: number) => `${String(seq).padStart(10, '0')}.seg`;
const seqOf = (name: string) => (/^(\d{10})\.seg$/.exec(name) ? Number(name.slice(0, 10)) : null);

export type Materialize = (sha: string, bytes: Buffer) => void;

/** Replays every valid record of every segment with `materialize`, then makes the results durable. */
export function recoverJournal(dir: string, root: string, materialize: Materialize): { segments: string[]; maxSeq: number } {
  mkdirSync(dir, { recursive: true });
  const segments: string[] = [];
  let maxSeq = 0;
  for (const name of readdirSync(dir).sort()) {
    const seq = seqOf(name);
    if (name.endsWith('.zero')) rmSync(join(dir, name), { force: true });
    if (seq === null) continue;
    maxSeq = Math.max(maxSeq, seq);
    segments.push(join(dir, name));
    const data = readFileSync(join(dir, name));
    for (let at = 0; at + HEADER <= data.length; ) {
      const length = data.readUInt32LE(at + 8);
      const end = at + HEADER + length;
      if (data.readUInt32LE(at) === MAGIC && data.readUInt32LE(at + 4) === seq && end <= data.length) {
        const bytes = data.subarray(at + HEADER, end);
        const sha = data.subarray(at + 16, at + 48).toString('hex');
        if (createHash('sha256').update(bytes).digest('hex') === sha) {
          materialize(sha, Buffer.from(bytes));
          at = align(end);
          continue;
        }
      }
      at += ALIGN;
    }
  }
  if (segments.length > 0) execFileSync('sync', ['-f', root]);
  return { segments, maxSeq };
}

interface Segment {
  readonly handle: FileHandle;
  readonly path: string;
  readonly seq: number;
  offset: number;
  readonly writes: Set<Promise<unknown>>;
  flushing: Promise<void> | null;
  queued: Promise<void> | null;
}

export class BlobJournal {
  private active: Segment | null = null;
  private activating: Promise<void> | null = null;
  private idle: NodeJS.Timeout | null = null;

  constructor(
    private readonly dir: string,
    private readonly root: string,
    private readonly segmentBytes: number,
    private spares: string[],
    private maxSeq: number,
  ) {}

  /** Durably records a blob; false when the journal cannot take it now (no segment ready, or too large). */
  async append(sha: string, bytes: Uint8Array): Promise<boolean> {
    const need = align(HEADER + bytes.length);
    if (need > this.segmentBytes) return false;
    if (this.active && this.active.offset + need > this.segmentBytes) {
      this.retire(this.active);
      this.active = null;
    }
    if (!this.active) {
      const ready = this.spares.length > 0 && this.activating === null;
      const activation = this.warmUp().catch(() => undefined);
      if (!ready) return false;
      await activation;
    }
    const segment = this.active as Segment | null;
    if (!segment || segment.offset + need > this.segmentBytes) return false;
    const at = segment.offset;
    segment.offset += need;
    const header = Buffer.alloc(HEADER);
    header.writeUInt32LE(MAGIC, 0);
    header.writeUInt32LE(segment.seq, 4);
    header.writeUInt32LE(bytes.length, 8);
    Buffer.from(sha, 'hex').copy(header, 16);
    const write = segment.handle.writev([header, bytes], at).then(() => this.sync(segment));
    segment.writes.add(write);
    try {
      await write;
    } finally {
      segment.writes.delete(write);
    }
    this.armIdleCheckpoint();
    return true;
  }

  private sync(segment: Segment): Promise<void> {
    if (segment.queued) return segment.queued;
    const flush = async () => {
      try {
        await segment.handle.datasync();
      } finally {
        segment.flushing = null;
      }
    };
    if (!segment.flushing) return (segment.flushing = flush());
    segment.queued = segment.flushing
      .catch(() => undefined)
      .then(() => {
        segment.queued = null;
        return (segment.flushing = flush());
      });
    return segment.queued;
  }

  /** Takes a spare (made once, blocks written and synced) and gives it a new sequence number. */
  private async activate(): Promise<void> {
    const spare = this.spares.shift() ?? (await this.makeSpare());
    this.maxSeq += 1;
    const path = join(this.dir, segmentName(this.maxSeq));
    await rename(spare, path);
    const dir = await open(this.dir, 'r');
    await dir.sync();
    await dir.close();
    this.active = { handle: await open(path, 'r+'), path, seq: this.maxSeq, offset: 0, writes: new Set(), flushing: null, queued: null };
  }

  private async makeSpare(): Promise<string> {
    const path = join(this.dir, `spare-${process.pid}-${Date.now()}.zero`);
    const handle = await open(path, 'w');
    const zeros = Buffer.alloc(Math.min(this.segmentBytes, 4 << 20));
    for (let at = 0; at < this.segmentBytes; at += zeros.length) await handle.write(zeros, 0, Math.min(zeros.length, this.segmentBytes - at), at);
    await handle.sync();
    await handle.close();
    return path;
  }

  /** After its last write, one syncfs makes the segment's blob files durable; then it becomes a spare. */
  private retire(segment: Segment): void {
    void Promise.allSettled([...segment.writes])
      .then(() => segment.handle.close())
      .then(() => new Promise<void>((resolve, reject) => execFile('sync', ['-f', this.root], (error) => (error ? reject(error) : resolve()))))
      .then(() => this.spares.push(segment.path))
      .catch((error: Error) => {
        if (existsSync(this.root)) console.error('blob journal checkpoint failed; the segment stays for recovery:', error.message);
      });
  }

  private armIdleCheckpoint(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      this.idle = null;
      const segment = this.active;
      if (!segment || segment.writes.size > 0) return;
      this.active = null;
      this.retire(segment);
    }, IDLE_MS);
    this.idle.unref();
  }

  /** Prepares a segment if none is active; resolves when one is. Until then puts take the direct path. */
  warmUp(): Promise<void> {
    if (this.active) return Promise.resolve();
    this.activating ??= this.activate()
      .catch((error: Error) => {
        console.error('blob journal: no segment available, puts sync each file:', error.message);
        throw error;
      })
      .finally(() => (this.activating = null));
    return this.activating;
  }
}
