import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { upcasters } from '../../migrations/upcasters';
import { allProjections } from '../../projections';
import { loadConfig } from '../config';
import { EventLog } from '../events/event-log';
import { PersonalKeyStore } from '../events/personal-keys';
import { KurrentEventStore } from '../eventstore/kurrent';
import { SqliteEventStore } from '../eventstore/sqlite';
import { migrateReadModels } from '../projections/migrate';
import { ProjectionRunner } from '../projections/runner';
import { CliError, parseCliArgs, type CliCommand } from './command';

const help = `Usage: lightbox projections rebuild

Rebuilds every read model from the event log into a new database, then swaps it in.
Stop the server first: it keeps the read models open.`;

function progress(done: number, total: number) {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} events`);
}

async function rebuild(): Promise<number> {
  const config = loadConfig();
  const store = config.eventStoreUrl ? new KurrentEventStore(config.eventStoreUrl) : new SqliteEventStore(path.join(config.dataDir, 'events.db'));
  const keys = new PersonalKeyStore(path.join(config.dataDir, 'personal-keys.db'));
  const log = new EventLog(store, keys, upcasters);
  const target = path.join(config.dataDir, 'read-models.db');
  const fresh = `${target}.rebuild`;
  for (const f of [fresh, `${fresh}-wal`, `${fresh}-shm`]) rmSync(f, { force: true });
  const db = new Database(fresh);
  db.pragma('journal_mode = WAL');
  migrateReadModels(db);
  const head = await store.headPosition();
  const total = Number(head ?? 0n);
  const runner = new ProjectionRunner(log, db, allProjections);
  const started = Date.now();
  runner.begin();
  const ticker = setInterval(() => progress(Number(runner.position ?? 0n), total), 200);
  await runner.waitFor(head, 24 * 3600_000);
  clearInterval(ticker);
  progress(total, total);
  await runner.stop();
  const failures = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM projection_failures').get()?.n ?? 0;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  for (const f of [`${target}-wal`, `${target}-shm`]) if (existsSync(f)) rmSync(f);
  renameSync(fresh, target);
  rmSync(`${fresh}-wal`, { force: true });
  rmSync(`${fresh}-shm`, { force: true });
  keys.close();
  await store.close();
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(`Rebuilt ${allProjections.length} read models from ${total} events in ${((Date.now() - started) / 1000).toFixed(1)} s${failures ? `; ${failures} events could not be applied (see table projection_failures)` : ''}.`);
  return 0;
}

export const command: CliCommand = {
  help,
  async run(args) {
    const [action, ...rest] = args;
    parseCliArgs(rest, {});
    if (action === 'rebuild') return rebuild();
    throw new CliError(action ? `unknown action "${action}"; use rebuild` : 'say what to do: rebuild');
  },
};
