import type Database from 'better-sqlite3';
import type { EventLog, LoggedEvent } from '../events/event-log';
import type { Subscription } from '../eventstore/port';
import type { ChangeNotice, Projection } from './projection';

export type NoticePublisher = (notices: ChangeNotice[], position: bigint) => void;

/**
 * Runs the projections: subscribes to the whole log from the lowest checkpoint, applies each event to every
 * projection that has not seen it, and stores each checkpoint in the same transaction as that projection's writes.
 * The stored checkpoint is re-read inside that transaction, so several app nodes sharing one read-model file
 * apply each event exactly once.
 */
export class ProjectionRunner {
  private subscription: Subscription | null = null;
  private processed: bigint | null = null;
  private waiters: { position: bigint; resolve: () => void }[] = [];
  private readonly checkpoints = new Map<string, bigint | null>();
  private readonly statements;

  constructor(
    private readonly log: EventLog,
    private readonly db: Database.Database,
    private readonly projections: readonly Projection[],
    private readonly publish: NoticePublisher = () => {},
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (name TEXT PRIMARY KEY, position INTEGER);
             CREATE TABLE IF NOT EXISTS projection_failures (name TEXT NOT NULL, position INTEGER NOT NULL, event_type TEXT NOT NULL, message TEXT NOT NULL, at TEXT NOT NULL)`);
    this.statements = {
      readCheckpoint: db.prepare<[string], { position: number | null }>('SELECT position FROM projection_checkpoints WHERE name = ?'),
      save: db.prepare('INSERT INTO projection_checkpoints (name, position) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET position = excluded.position'),
    };
    const rows = db.prepare<[], { name: string; position: number | null }>('SELECT name, position FROM projection_checkpoints').all();
    const stored = new Map(rows.map((r) => [r.name, r.position === null ? null : BigInt(r.position)]));
    for (const p of projections) this.checkpoints.set(p.name, stored.get(p.name) ?? null);
  }

  /** The lowest checkpoint: where the subscription must start. */
  private start(): bigint | null {
    let min: bigint | undefined;
    for (const position of this.checkpoints.values()) {
      if (position === null) return null;
      if (min === undefined || position < min) min = position;
    }
    return min ?? null;
  }

  begin(): void {
    const from = this.start();
    this.processed = from;
    this.subscription = this.log.subscribeAll(from, async (event) => this.applyEvent(event));
  }

  private applyEvent(event: LoggedEvent): void {
    const notices: ChangeNotice[] = [];
    this.db.transaction(() => this.applyToEach(event, notices)).immediate();
    this.processed = event.position;
    if (notices.length > 0) this.publish(notices, event.position);
    this.waiters = this.waiters.filter((w) => {
      if (w.position > event.position) return true;
      w.resolve();
      return false;
    });
  }

  /**
   * Applies one event to every projection inside the caller's transaction; each projection runs in its own
   * savepoint, so one that throws is rolled back and recorded while the others' writes stay.
   */
  private applyToEach(event: LoggedEvent, notices: ChangeNotice[]): void {
    const { readCheckpoint, save } = this.statements;
    for (const projection of this.projections) {
      const checkpoint = this.checkpoints.get(projection.name) ?? null;
      if (checkpoint !== null && event.position <= checkpoint) continue;
      const applyOne = this.db.transaction(() => {
        const stored = readCheckpoint.get(projection.name)?.position;
        if (stored !== undefined && stored !== null && BigInt(stored) >= event.position) return [];
        const produced = projection.apply(event, this.db);
        save.run(projection.name, event.position);
        return produced ?? [];
      });
      try {
        notices.push(...applyOne());
      } catch (error) {
        this.db
          .prepare('INSERT INTO projection_failures (name, position, event_type, message, at) VALUES (?, ?, ?, ?, ?)')
          .run(projection.name, event.position, event.type, (error as Error).message, new Date().toISOString());
        save.run(projection.name, event.position);
        console.error(`projection ${projection.name} skipped event ${event.type} at ${event.position}: ${(error as Error).message}`);
      }
      this.checkpoints.set(projection.name, event.position);
    }
  }

  /** The position every projection has reached (null before the first event). */
  get position(): bigint | null {
    return this.processed;
  }

  /** Resolves once the read models include the event at `position` (read-your-writes for mutations). */
  waitFor(position: bigint | null, timeoutMs = 10_000): Promise<void> {
    if (position === null || (this.processed !== null && this.processed >= position)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read models did not reach position ${position} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ position, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    this.subscription = null;
  }
}
