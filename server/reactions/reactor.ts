import type Database from 'better-sqlite3';
import type { EventLog, LoggedEvent } from '../events/event-log';
import type { Subscription } from '../eventstore/port';

/** A process that turns some events into commands or jobs. Must be idempotent: after a crash it sees events again. */
export interface Reaction {
  readonly name: string;
  handle(event: LoggedEvent): Promise<void>;
}

const attempts = 5;

/**
 * Runs one reaction over the log from its checkpoint, kept in its own database (not with the read models, so a
 * projection rebuild does not replay side effects such as emails). A failing event is
 * retried with back-off, then recorded in `reaction_failures` and passed over so one bad event cannot stall the rest.
 */
export function startReaction(log: EventLog, db: Database.Database, reaction: Reaction): Subscription {
  db.exec(`CREATE TABLE IF NOT EXISTS reaction_checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL);
           CREATE TABLE IF NOT EXISTS reaction_failures (name TEXT NOT NULL, position INTEGER NOT NULL, event_type TEXT NOT NULL, message TEXT NOT NULL, at TEXT NOT NULL)`);
  const row = db.prepare<[string], { position: number }>('SELECT position FROM reaction_checkpoints WHERE name = ?').get(reaction.name);
  const save = db.prepare('INSERT INTO reaction_checkpoints (name, position) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET position = excluded.position');
  let stopping = false;
  const subscription = log.subscribeAll(row ? BigInt(row.position) : null, async (event) => {
    for (let attempt = 1; !stopping; attempt += 1) {
      try {
        await reaction.handle(event);
        break;
      } catch (error) {
        if (attempt >= attempts) {
          db.prepare('INSERT INTO reaction_failures (name, position, event_type, message, at) VALUES (?, ?, ?, ?, ?)').run(
            reaction.name,
            event.position,
            event.type,
            (error as Error).message,
            new Date().toISOString(),
          );
          console.error(`reaction ${reaction.name} gave up on ${event.type} at ${event.position}: ${(error as Error).message}`);
          break;
        }
        await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
      }
    }
    if (!stopping) save.run(reaction.name, event.position);
  });
  return {
    async close() {
      stopping = true;
      await subscription.close();
    },
  };
}

/** The command context of work done in reaction to `event`: same actor and correlation, caused by the event. */
export const reactionContext = (name: string, event: LoggedEvent) => ({
  actorId: event.metadata.actorId,
  source: `reaction:${name}`,
  correlationId: event.metadata.correlationId,
  causationId: event.id,
});
