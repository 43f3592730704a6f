/** Who did something, through which channel, and why: stored with every event. */
export interface EventMetadata {
  readonly actorId: string | null;
  /** The channel the command came through, e.g. `graphql`, `cli`, `dicom`, `reaction:personal-folders`. */
  readonly source: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly schemaVersion: number;
  /** ISO-8601 time the event was recorded. */
  readonly timestamp: string;
}

export interface NewEvent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent extends NewEvent {
  readonly streamId: string;
  /** 0-based position of the event inside its stream. */
  readonly revision: number;
  /** Position in the global log; strictly increasing in append order. */
  readonly position: bigint;
}

/**
 * The revision the writer believes the stream is at: a number (last revision), `no_stream`,
 * `stream_exists` or `any`. A mismatch fails the append with {@link WrongExpectedRevisionError}.
 */
export type ExpectedRevision = number | 'no_stream' | 'stream_exists' | 'any';

export interface AppendResult {
  readonly nextRevision: number;
  /** Global position of the last appended event. */
  readonly position: bigint;
}

export interface Subscription {
  close(): Promise<void>;
}

/**
 * The event log port. Adapters: embedded SQLite (default) and KurrentDB. Both pass `test/eventstore/contract.ts`.
 * Appends are atomic and durable when the promise resolves.
 */
export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** All events of one stream in revision order; empty when the stream does not exist. */
  readStream(streamId: string): Promise<RecordedEvent[]>;
  /** Up to `limit` events with position greater than `after` (null = from the start), in order. */
  readAll(after: bigint | null, limit: number): Promise<RecordedEvent[]>;
  /** Calls `onEvent` for every event after `after`, then for new ones as they are appended, one at a time in order. */
  subscribeAll(after: bigint | null, onEvent: (event: RecordedEvent) => Promise<void>): Subscription;
  /** The position of the last event in the log, or null when empty. */
  headPosition(): Promise<bigint | null>;
  close(): Promise<void>;
}

export class WrongExpectedRevisionError extends Error {
  readonly code = 'CONCURRENT_WRITE';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${streamId} was changed concurrently (expected ${String(expected)}, found ${String(actual)}); retry`);
  }
}
