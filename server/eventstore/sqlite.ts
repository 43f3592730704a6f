import Database from 'better-sqlite3';
import {
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  type Subscription,
} from './port';
import { startTailingSubscription } from './tailing-subscription';

interface EventRow {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
}

const toRecorded = (row: EventRow): RecordedEvent => ({
  position: BigInt(row.position),
  id: row.id,
  streamId: row.stream_id,
  revision: row.revision,
  type: row.type,
  data: JSON.parse(row.data),
  metadata: JSON.parse(row.metadata),
});

/**
 * Embedded event log in one SQLite file (WAL, synchronous=FULL: an append is on disk when it returns).
 * Other processes may append to the same file (e.g. the CLI while the server runs); subscribers poll for them.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly listeners = new Set<() => void>();
  private readonly statements;

  constructor(file: string, private readonly pollMs = 100) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS events (
        position INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        stream_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        type TEXT NOT NULL,
        data TEXT NOT NULL,
        metadata TEXT NOT NULL,
        UNIQUE (stream_id, revision)
      );
      CREATE TABLE IF NOT EXISTS streams (stream_id TEXT PRIMARY KEY, revision INTEGER NOT NULL);
    `);
    this.statements = {
      streamRevision: this.db.prepare<[string], { revision: number }>('SELECT revision FROM streams WHERE stream_id = ?'),
      upsertStream: this.db.prepare('INSERT INTO streams (stream_id, revision) VALUES (?, ?) ON CONFLICT(stream_id) DO UPDATE SET revision = excluded.revision'),
      insert: this.db.prepare('INSERT INTO events (id, stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)'),
      readStream: this.db.prepare<[string], EventRow>('SELECT * FROM events WHERE stream_id = ? ORDER BY revision'),
      readAll: this.db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
      head: this.db.prepare<[], { p: number | null }>('SELECT MAX(position) AS p FROM events'),
    };
  }

  private readonly appendTransaction = (streamId: string, events: readonly NewEvent[], expected: ExpectedRevision) =>
    this.db
      .transaction((): AppendResult => {
        const current = this.statements.streamRevision.get(streamId)?.revision;
        const actual = current ?? 'no_stream';
        const ok =
          expected === 'any' ||
          (expected === 'no_stream' && current === undefined) ||
          (expected === 'stream_exists' && current !== undefined) ||
          expected === current;
        if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual);
        let revision = current ?? -1;
        let position = 0n;
        for (const event of events) {
          revision += 1;
          const info = this.statements.insert.run(
            event.id,
            streamId,
            revision,
            event.type,
            JSON.stringify(event.data),
            JSON.stringify(event.metadata),
          );
          position = BigInt(info.lastInsertRowid);
        }
        this.statements.upsertStream.run(streamId, revision);
        return { nextRevision: revision, position };
      })
      .immediate();

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const result = this.appendTransaction(streamId, events, expected);
    for (const wake of this.listeners) wake();
    return result;
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return this.statements.readStream.all(streamId).map(toRecorded);
  }

  async readAll(after: bigint | null, limit: number): Promise<RecordedEvent[]> {
    return this.statements.readAll.all(Number(after ?? 0n), limit).map(toRecorded);
  }

  async headPosition(): Promise<bigint | null> {
    const p = this.statements.head.get()?.p;
    return p === null || p === undefined ? null : BigInt(p);
  }

  subscribeAll(after: bigint | null, onEvent: (event: RecordedEvent) => Promise<void>): Subscription {
    return startTailingSubscription({
      after,
      onEvent,
      readAll: (from, limit) => this.readAll(from, limit),
      pollMs: this.pollMs,
      onWake: (wake) => {
        this.listeners.add(wake);
        return () => this.listeners.delete(wake);
      },
    });
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.db.close();
  }
}
