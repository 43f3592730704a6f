import type Database from 'better-sqlite3';
import type { Accounts } from './accounts/accounts';
import type { Config } from './config';
import type { EventLog } from './events/event-log';
import type { Quarantine } from './ingest/quarantine';
import type { LiveNotices } from './live/live-notices';
import type { SendingNodes } from './nodes/sending-nodes';
import type { ProjectionRunner } from './projections/runner';

/** What request handlers (GraphQL, HTTP routes, DICOM) may use: use cases, read models, live notices. */
export interface AppServices {
  readonly config: Config;
  readonly log: EventLog;
  readonly readDb: Database.Database;
  readonly runner: ProjectionRunner;
  readonly accounts: Accounts;
  readonly notices: LiveNotices;
  readonly nodes: SendingNodes;
  readonly quarantine: Quarantine;
}
