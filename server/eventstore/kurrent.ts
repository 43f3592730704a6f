import {
  ANY,
  KurrentDBClient,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  type AppendStreamState,
  type ResolvedEvent,
  type AllStreamResolvedEvent,
} from '@kurrent/kurrentdb-client';
import {
  WrongExpectedRevisionError,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  type Subscription,
} from './port';

const toStreamState = (expected: ExpectedRevision): AppendStreamState => {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  return BigInt(expected);
};

/**
 * The global position of a KurrentDB event is its commit position: unique and increasing for events appended
 * outside explicit transactions, which is the only way Lightbox writes.
 */
const toRecorded = (resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | null => {
  const event = resolved.event;
  if (!event || !event.isJson) return null;
  return {
    id: event.id,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: event.position?.commit ?? 0n,
    type: event.type,
    data: event.data,
    metadata: event.metadata as unknown as EventMetadata,
  };
};

const fromPosition = (after: bigint | null) => (after === null ? START : { commit: after, prepare: after });

/** KurrentDB (EventStoreDB) adapter for the event log, selected with `EVENTSTORE_URL` (a `kurrentdb://` connection string). */
export class KurrentEventStore implements EventStore {
  private readonly client: KurrentDBClient;

  constructor(connectionString: string) {
    this.client = KurrentDBClient.connectionString(connectionString);
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    try {
      const result = await this.client.appendToStream(
        streamId,
        events.map((e) => jsonEvent({ id: e.id, type: e.type, data: e.data as never, metadata: e.metadata as never })),
        { streamState: toStreamState(expected) },
      );
      return { nextRevision: Number(result.nextExpectedRevision), position: result.position?.commit ?? 0n };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = typeof error.actualState === 'bigint' ? Number(error.actualState) : 'no_stream';
        throw new WrongExpectedRevisionError(streamId, expected, actual);
      }
      throw error;
    }
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId)) {
        const event = toRecorded(resolved);
        if (event) out.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return out;
  }

  async readAll(after: bigint | null, limit: number): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    const stream = this.client.readAll({ fromPosition: fromPosition(after), maxCount: limit + 1, filter: excludeSystemEvents() });
    for await (const resolved of stream) {
      const event = toRecorded(resolved);
      if (!event || (after !== null && event.position <= after)) continue;
      out.push(event);
      if (out.length === limit) break;
    }
    return out;
  }

  async headPosition(): Promise<bigint | null> {
    for await (const resolved of this.client.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1, filter: excludeSystemEvents() })) {
      return toRecorded(resolved)?.position ?? null;
    }
    return null;
  }

  subscribeAll(after: bigint | null, onEvent: (event: RecordedEvent) => Promise<void>): Subscription {
    const subscription = this.client.subscribeToAll({ fromPosition: fromPosition(after), filter: excludeSystemEvents() });
    const running = (async () => {
      for await (const resolved of subscription) {
        const event = toRecorded(resolved);
        if (!event || (after !== null && event.position <= after)) continue;
        await onEvent(event);
      }
    })().catch((error: unknown) => console.error('KurrentDB subscription stopped:', error));
    return {
      async close() {
        await subscription.unsubscribe();
        await running;
      },
    };
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}
