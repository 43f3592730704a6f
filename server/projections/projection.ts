import type Database from 'better-sqlite3';
import type { LoggedEvent } from '../events/event-log';

/** Something a live subscriber may care about: `topic` names the kind, `key` the thing that changed. */
export interface ChangeNotice {
  readonly topic: string;
  readonly key: string;
  readonly change: string;
}

/**
 * A read model: applies events to SQLite tables inside the runner's transaction (together with its checkpoint).
 * It must accept every event; an exception is recorded by the runner and the event skipped, never retried forever.
 */
export interface Projection {
  readonly name: string;
  apply(event: LoggedEvent, db: Database.Database): ChangeNotice[] | void;
}
