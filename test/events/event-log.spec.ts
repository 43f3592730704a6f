import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { personal } from '../../domain/shared/personal';
import { folderDecider } from '../../domain/folders/folder';
import { asFolderId } from '../../domain/shared/ids';
import { handleCommand } from '../../server/commands/handle-command';
import { EventLog, systemContext } from '../../server/events/event-log';
import { PersonalKeyStore } from '../../server/events/personal-keys';
import { SqliteEventStore } from '../../server/eventstore/sqlite';
import { ProjectionRunner } from '../../server/projections/runner';
import type { Projection } from '../../server/projections/projection';

function openLog(registry = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'lightbox-log-'));
  const store = new SqliteEventStore(path.join(dir, 'events.db'));
  const keys = new PersonalKeyStore(path.join(dir, 'keys.db'));
  return { dir, store, keys, log: new EventLog(store, keys, registry) };
}

describe('event log', () => {
  it('stamps actor, source, correlation, causation, schema version and time on every event', async () => {
    const { log } = openLog();
    await log.append('s-1', [{ type: 'Happened', data: {} }], 'no_stream', { actorId: 'u', source: 'graphql', correlationId: 'c', causationId: 'e0' });
    const [event] = await log.readStream('s-1');
    expect(event!.metadata).toMatchObject({ actorId: 'u', source: 'graphql', correlationId: 'c', causationId: 'e0', schemaVersion: 1 });
    expect(Date.parse(event!.metadata.timestamp)).not.toBeNaN();
  });

  it('seals personal values so the raw store never holds them, and opens them on read until the key is destroyed', async () => {
    const { log, store } = openLog();
    await log.append('s-2', [{ type: 'Named', data: { who: personal('p-1', { name: 'Ada Lovelace' }) } }], 'no_stream', systemContext('test'));
    expect(JSON.stringify((await store.readStream('s-2')).map((e) => e.data))).not.toContain('Lovelace');
    expect((await log.readStream('s-2'))[0]!.data).toEqual({ who: { kind: 'personal', subjectId: 'p-1', value: { name: 'Ada Lovelace' } } });
    log.erasePersonalData('p-1');
    expect((await log.readStream('s-2'))[0]!.data).toEqual({ who: { kind: 'personal', subjectId: 'p-1', value: null } });
    await expect(log.append('s-2', [{ type: 'Named', data: { who: personal('p-1', { name: 'again' }) } }], 0, systemContext('test'))).rejects.toThrow(/erased/);
  });

  it('upcasts old event shapes on read', async () => {
    const { log, store } = openLog({ Renamed: [({ n }: Record<string, unknown>) => ({ name: n })] });
    await store.append('s-3', [{ id: crypto.randomUUID(), type: 'Renamed', data: { n: 'x' }, metadata: { ...systemContext('t'), schemaVersion: 1, timestamp: 't' } }], 'no_stream');
    expect((await log.readStream('s-3'))[0]!.data).toEqual({ name: 'x' });
  });
});

describe('command handling', () => {
  it('re-decides on the new state when another writer got in first, so two creators produce one folder', async () => {
    const { log } = openLog();
    const folderId = asFolderId('f-1');
    const create = { type: 'CreateFolder' as const, folderId, name: 'Neuro', kind: 'shared' as const, ownerId: null, at: 't' };
    const results = await Promise.all([1, 2, 3].map(() => handleCommand(log, folderDecider, 'folder-f-1', create, systemContext('test'))));
    expect(results.filter((r) => r.events.length === 1)).toHaveLength(1);
    expect(await log.readStream('folder-f-1')).toHaveLength(1);
  });
});

describe('projection runner', () => {
  it('records an event a projection cannot apply, keeps going, and resumes from its checkpoint after a restart', async () => {
    const { log, dir } = openLog();
    const db = new Database(path.join(dir, 'read.db'));
    db.exec('CREATE TABLE seen (type TEXT)');
    const picky: Projection = {
      name: 'picky',
      apply(event, d) {
        if (event.type === 'Poison') throw new Error('cannot apply poison');
        d.prepare('INSERT INTO seen VALUES (?)').run(event.type);
      },
    };
    await log.append('p', [{ type: 'A', data: {} }, { type: 'Poison', data: {} }, { type: 'B', data: {} }], 'no_stream', systemContext('t'));
    const first = new ProjectionRunner(log, db, [picky]);
    first.begin();
    await first.waitFor(await log.store.headPosition());
    await first.stop();
    expect(db.prepare('SELECT type FROM seen').all()).toEqual([{ type: 'A' }, { type: 'B' }]);
    expect(db.prepare('SELECT event_type, message FROM projection_failures').all()).toEqual([{ event_type: 'Poison', message: 'cannot apply poison' }]);

    const { position } = await log.append('p', [{ type: 'C', data: {} }], 2, systemContext('t'));
    const second = new ProjectionRunner(log, db, [picky]);
    second.begin();
    await second.waitFor(position);
    await second.stop();
    expect(db.prepare('SELECT type FROM seen').all()).toEqual([{ type: 'A' }, { type: 'B' }, { type: 'C' }]);
  });
});
