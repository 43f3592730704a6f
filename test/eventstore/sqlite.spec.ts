import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteEventStore } from '../../server/eventstore/sqlite';
import { eventStoreContract } from './contract';

eventStoreContract('embedded SQLite', async () => new SqliteEventStore(path.join(mkdtempSync(path.join(tmpdir(), 'lightbox-es-')), 'events.db')));
