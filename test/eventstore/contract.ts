import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WrongExpectedRevisionError, type EventStore, type NewEvent, type RecordedEvent } from '../../server/eventstore/port';

const newEvent = (type: string, data: unknown = {}): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: {
    actorId: 'user-1',
    source: 'contract-test',
    correlationId: randomUUID(),
    causationId: null,
    schemaVersion: 1,
    timestamp: new Date().toISOString(),
  },
});

const freshStream = () => `contract-${randomUUID()}`;

async function collect(store: EventStore, streams: Set<string>, count: number, after: bigint | null): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const subscription = store.subscribeAll(after, async (event) => {
    if (!streams.has(event.streamId)) return;
    seen.push(event);
    if (seen.length === count) done();
  });
  await Promise.race([finished, new Promise((_, reject) => setTimeout(() => reject(new Error(`saw ${seen.length} of ${count}`)), 5000))]);
  await subscription.close();
  return seen;
}

/** The behaviour every EventStore adapter must have. Run against each adapter. */
export function eventStoreContract(adapterName: string, open: () => Promise<EventStore>) {
  describe(`event store contract: ${adapterName}`, () => {
    let store: EventStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    it('appends to a new stream and reads it back in revision order with data and metadata intact', async () => {
      const stream = freshStream();
      const events = [newEvent('A', { n: 1, text: 'é ü 日本' }), newEvent('B', { n: 2 })];
      const result = await store.append(stream, events, 'no_stream');
      expect(result.nextRevision).toBe(1);
      const read = await store.readStream(stream);
      expect(read.map((e) => [e.type, e.revision, e.data])).toEqual([
        ['A', 0, { n: 1, text: 'é ü 日本' }],
        ['B', 1, { n: 2 }],
      ]);
      expect(read[0]!.metadata).toEqual(events[0]!.metadata);
      expect(read[0]!.id).toBe(events[0]!.id);
      expect(read[1]!.position > read[0]!.position).toBe(true);
      expect(result.position).toBe(read[1]!.position);
    });

    it('reads a stream that does not exist as empty', async () => {
      expect(await store.readStream(freshStream())).toEqual([]);
    });

    it('refuses an append whose expected revision is stale and stores nothing of it', async () => {
      const stream = freshStream();
      await store.append(stream, [newEvent('A'), newEvent('B')], 'no_stream');
      await expect(store.append(stream, [newEvent('C')], 0)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(store.append(stream, [newEvent('C')], 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B']);
      await store.append(stream, [newEvent('C')], 1);
      expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
    });

    it('honours stream_exists and any', async () => {
      const stream = freshStream();
      await expect(store.append(stream, [newEvent('A')], 'stream_exists')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await store.append(stream, [newEvent('A')], 'any');
      await store.append(stream, [newEvent('B')], 'stream_exists');
      await store.append(stream, [newEvent('C')], 'any');
      expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([0, 1, 2]);
    });

    it('lets exactly one of several concurrent writers at the same revision win', async () => {
      const stream = freshStream();
      await store.append(stream, [newEvent('Opened')], 'no_stream');
      const outcomes = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => store.append(stream, [newEvent(`W${i}`)], 0)));
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('reads the global log forwards from a position, in pages', async () => {
      const stream = freshStream();
      const before = await store.headPosition();
      await store.append(stream, [newEvent('A'), newEvent('B'), newEvent('C')], 'no_stream');
      const mine = (events: RecordedEvent[]) => events.filter((e) => e.streamId === stream).map((e) => e.type);
      const all = await store.readAll(before, 1000);
      expect(mine(all)).toEqual(['A', 'B', 'C']);
      const first = all.find((e) => e.streamId === stream)!;
      expect(mine(await store.readAll(first.position, 1000))).toEqual(['B', 'C']);
      const page = await store.readAll(before, 1);
      expect(page).toHaveLength(1);
      const head = await store.headPosition();
      expect(head !== null && head >= all.at(-1)!.position).toBe(true);
    });

    it('subscribes to the whole log: catches up on the past, then delivers new events in order', async () => {
      const stream = freshStream();
      await store.append(stream, [newEvent('Past1'), newEvent('Past2')], 'no_stream');
      const seen = collect(store, new Set([stream]), 4, null);
      await store.append(stream, [newEvent('New1')], 1);
      await store.append(stream, [newEvent('New2')], 2);
      expect((await seen).map((e) => e.type)).toEqual(['Past1', 'Past2', 'New1', 'New2']);
    });

    it('subscribes from a position and delivers only what came after it', async () => {
      const stream = freshStream();
      const { position } = await store.append(stream, [newEvent('Old')], 'no_stream');
      const seen = collect(store, new Set([stream]), 1, position);
      await store.append(stream, [newEvent('Fresh')], 0);
      expect((await seen).map((e) => e.type)).toEqual(['Fresh']);
    });
  });
}
