import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { upcasters } from '../../migrations/upcasters';
import { allProjections } from '../../projections';
import { EventLog, systemContext } from '../../server/events/event-log';
import { PersonalKeyStore } from '../../server/events/personal-keys';
import { SqliteEventStore } from '../../server/eventstore/sqlite';
import { migrateReadModels } from '../../server/projections/migrate';
import { ProjectionRunner } from '../../server/projections/runner';
import { graphql, signIn } from '../harness/graphql-client';
import { startTestServer } from '../harness/server';
import { ms, quantile, type BenchRow } from './stats';

const folderEvent = (i: number) => ({
  type: 'FolderCreated',
  data: { folderId: `bench-${i}`, name: `Folder ${i}`, kind: 'shared', ownerId: 'bench-user', createdAt: new Date().toISOString() },
});

function openLog() {
  const dir = mkdtempSync(path.join(tmpdir(), 'lightbox-bench-'));
  const store = new SqliteEventStore(path.join(dir, 'events.db'));
  const keys = new PersonalKeyStore(path.join(dir, 'keys.db'));
  return { dir, store, keys, log: new EventLog(store, keys, upcasters) };
}

/** Durable appends (synchronous=FULL: each commit reaches the disk) one event per call, and 100 per call. */
async function appendThroughput(): Promise<BenchRow[]> {
  const { dir, log, store, keys } = openLog();
  const ctx = systemContext('bench');
  const single = 2000;
  let t = performance.now();
  for (let i = 0; i < single; i += 1) await log.append(`bench-single-${i}`, [folderEvent(i)], 'no_stream', ctx);
  const singleRate = single / ((performance.now() - t) / 1000);
  const batches = 200;
  t = performance.now();
  for (let b = 0; b < batches; b += 1) await log.append(`bench-batch-${b}`, Array.from({ length: 100 }, (_, i) => folderEvent(b * 100 + i)), 'no_stream', ctx);
  const batchRate = (batches * 100) / ((performance.now() - t) / 1000);
  await store.close();
  keys.close();
  rmSync(dir, { recursive: true, force: true });
  return [
    { benchmark: 'embedded append, 1 event per commit', result: `${Math.round(singleRate)} events/s`, note: `${single} durable commits` },
    { benchmark: 'embedded append, 100 events per commit', result: `${Math.round(batchRate)} events/s`, note: `${batches} commits` },
  ];
}

/** Time from a durable append to its event being visible in every read model (all projections running). */
async function projectionLag(): Promise<BenchRow[]> {
  const { dir, log, store, keys } = openLog();
  const db = new Database(path.join(dir, 'read.db'));
  db.pragma('journal_mode = WAL');
  migrateReadModels(db);
  const runner = new ProjectionRunner(log, db, allProjections);
  runner.begin();
  const lags: number[] = [];
  for (let i = 0; i < 1000; i += 1) {
    const start = performance.now();
    const { position } = await log.append(`bench-lag-${i}`, [folderEvent(i)], 'no_stream', systemContext('bench'));
    await runner.waitFor(position);
    lags.push(performance.now() - start);
  }
  await runner.stop();
  db.close();
  await store.close();
  keys.close();
  rmSync(dir, { recursive: true, force: true });
  return [{ benchmark: 'append → read model visible (1000 events)', result: `p50 ${ms(quantile(lags, 0.5))}, p95 ${ms(quantile(lags, 0.95))}, p99 ${ms(quantile(lags, 0.99))}`, note: 'includes the durable commit' }];
}

/** A mutation through GraphQL, and the time until each of 100 graphql-ws subscribers has the change. */
async function subscriptionLatency(): Promise<BenchRow[]> {
  const server = await startTestServer();
  await server.addUser({ email: 'bench@example.org', name: 'Bench', password: 'bench-password-1' });
  const token = await signIn(server.url, 'bench@example.org', 'bench-password-1');
  const subscribers = 100;
  const arrivals = new Map<string, number[]>();
  const clients = Array.from({ length: subscribers }, () =>
    createClient({ url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } }),
  );
  for (const client of clients) {
    client.subscribe<{ folderChanged: { folder: { name: string } } }>(
      { query: 'subscription { folderChanged { folder { name } } }' },
      {
        next: (value) => {
          const name = value.data?.folderChanged.folder.name ?? '';
          arrivals.set(name, [...(arrivals.get(name) ?? []), performance.now()]);
        },
        error: () => {},
        complete: () => {},
      },
    );
  }
  await new Promise((r) => setTimeout(r, 1500));
  const latencies: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const name = `Bench folder ${i}`;
    const start = performance.now();
    await graphql(server.url, 'mutation($n: String!) { createFolder(name: $n) { id } }', { n: name }, token);
    for (let w = 0; w < 200 && (arrivals.get(name)?.length ?? 0) < subscribers; w += 1) await new Promise((r) => setTimeout(r, 10));
    latencies.push(...(arrivals.get(name) ?? []).map((t) => t - start));
  }
  await Promise.all(clients.map((c) => c.dispose()));
  await server.close();
  const delivered = latencies.length;
  return [
    {
      benchmark: `subscription delivery, ${subscribers} graphql-ws subscribers`,
      result: `p50 ${ms(quantile(latencies, 0.5))}, p95 ${ms(quantile(latencies, 0.95))}, p99 ${ms(quantile(latencies, 0.99))}`,
      note: `mutation sent → event at subscriber; ${delivered}/${20 * subscribers} delivered`,
    },
  ];
}

export async function benchPlatform(): Promise<BenchRow[]> {
  return [...(await appendThroughput()), ...(await projectionLag()), ...(await subscriptionLatency())];
}
