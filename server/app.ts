import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { upcasters } from '../migrations/upcasters';
import { allProjections } from '../projections';
import { Accounts } from './accounts/accounts';
import type { AppServices } from './app-services';
import type { Config } from './config';
import { EventLog } from './events/event-log';
import { PersonalKeyStore } from './events/personal-keys';
import { KurrentEventStore } from './eventstore/kurrent';
import type { EventStore, Subscription } from './eventstore/port';
import { SqliteEventStore } from './eventstore/sqlite';
import { attachGraphQLWebSocket } from './graphql/websocket';
import { createGraphQL } from './graphql/yoga';
import { createHttpServer, type RouteHandler } from './http/http-server';
import { oidcRoutes } from './http/oidc-routes';
import { caseAssemblyReaction } from './cases/case-assembly';
import { Quarantine } from './ingest/quarantine';
import { startIngest } from './ingest/start-ingest';
import { startEmailJobs } from './jobs/email-jobs';
import { LiveNotices } from './live/live-notices';
import { SendingNodes } from './nodes/sending-nodes';
import { migrateReadModels } from './projections/migrate';
import { ProjectionRunner } from './projections/runner';
import { personalFolderReaction } from './reactions/personal-folder-reaction';
import { startReaction } from './reactions/reactor';
import { welcomeEmailReaction } from './reactions/welcome-email-reaction';
import { connectRedis } from './redis/connect-redis';
import { loadSiteSecret } from './site-secret';

export interface RunningLightbox {
  readonly url: string;
  readonly dicomPort: number;
  /** Times out stale TCE submissions now instead of at the next timer tick. */
  expireSubmissionsNow(): Promise<unknown>;
  readonly services: AppServices;
  close(): Promise<void>;
}

/** The event log, personal keys and read models of a data directory, without any server. */
export function openStores(config: Config) {
  mkdirSync(config.dataDir, { recursive: true });
  const store: EventStore = config.eventStoreUrl
    ? new KurrentEventStore(config.eventStoreUrl)
    : new SqliteEventStore(path.join(config.dataDir, 'events.db'));
  const keys = new PersonalKeyStore(path.join(config.dataDir, 'personal-keys.db'));
  const log = new EventLog(store, keys, upcasters);
  const readDb = new Database(path.join(config.dataDir, 'read-models.db'));
  readDb.pragma('journal_mode = WAL');
  readDb.pragma('synchronous = NORMAL');
  readDb.pragma('busy_timeout = 5000');
  migrateReadModels(readDb);
  const reactionsDb = new Database(path.join(config.dataDir, 'reactions.db'));
  reactionsDb.pragma('journal_mode = WAL');
  const secret = loadSiteSecret(config.dataDir);
  return {
    log,
    readDb,
    reactionsDb,
    secret,
    async close() {
      readDb.close();
      reactionsDb.close();
      keys.close();
      await store.close();
    },
  };
}

/** Starts Lightbox: stores, projections, reactions, Redis, jobs, HTTP + GraphQL (+ WebSocket). */
export async function startLightbox(config: Config): Promise<RunningLightbox> {
  const stores = openStores(config);
  const redis = await connectRedis(config.redisUrl, config.dataDir);
  const notices = new LiveNotices(redis.url, config.redisPrefix);
  await notices.start();
  const runner = new ProjectionRunner(stores.log, stores.readDb, allProjections, (n, p) => notices.publish(n, p));
  runner.begin();
  const accounts = new Accounts({ log: stores.log, readDb: stores.readDb, runner, secret: stores.secret, sessionDays: config.sessionDays });
  const nodes = new SendingNodes({ log: stores.log, readDb: stores.readDb, runner });
  const ingest = await startIngest(config, { log: stores.log, readDb: stores.readDb, nodes });
  const quarantine = new Quarantine(stores.readDb, ingest.blobs, ingest.inbox);
  const services: AppServices = { config, log: stores.log, readDb: stores.readDb, runner, accounts, notices, nodes, quarantine };
  const email = startEmailJobs({ redisUrl: redis.url, prefix: config.redisPrefix, smtpUrl: config.smtpUrl, from: config.mailFrom, publicUrl: config.publicUrl, readDb: stores.readDb });
  const reactions: Subscription[] = [
    startReaction(stores.log, stores.reactionsDb, personalFolderReaction(stores.log)),
    startReaction(stores.log, stores.reactionsDb, welcomeEmailReaction(email)),
  ];
  reactions.push(startReaction(stores.log, stores.reactionsDb, caseAssemblyReaction({ log: stores.log, readDb: stores.readDb, runner, blobs: ingest.blobs })));
  const yoga = createGraphQL(services);
  const routes: RouteHandler[] = [
    (req, res, url) => (url.pathname === '/graphql' ? (yoga(req, res), true) : false),
    ingest.stow,
    ...(config.oidc ? [await oidcRoutes(config, services)] : []),
  ];
  const head = await stores.log.store.headPosition();
  let caughtUp = false;
  void runner.waitFor(head, 600_000).then(() => (caughtUp = true));
  const http = createHttpServer(routes, () => caughtUp);
  const ws = attachGraphQLWebSocket(http, yoga);
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dicomPort: ingest.dicomPort,
    expireSubmissionsNow: ingest.expireNow,
    services,
    async close() {
      await ingest.close();
      await ws.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      for (const r of reactions) await r.close();
      await runner.stop();
      await email.close();
      await notices.close();
      await redis.stop();
      await stores.close();
    },
  };
}
