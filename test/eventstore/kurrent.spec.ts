import { describe } from 'vitest';
import { KurrentEventStore } from '../../server/eventstore/kurrent';
import { eventStoreContract } from './contract';

const url = process.env.EVENTSTORE_URL;

/** Runs the same contract against a real KurrentDB whenever EVENTSTORE_URL is set (none can run on the CI machine). */
describe.runIf(Boolean(url))('KurrentDB adapter (EVENTSTORE_URL)', () => {
  eventStoreContract('KurrentDB', async () => new KurrentEventStore(url!));
});
