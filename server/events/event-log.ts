import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '../../domain/shared/decider';
import { currentSchemaVersion, upcast, type UpcasterRegistry } from '../../migrations/upcasters';
import type { AppendResult, EventStore, ExpectedRevision, RecordedEvent, Subscription } from '../eventstore/port';
import { openPersonalData, sealPersonalData } from './personal-codec';
import type { PersonalKeyStore } from './personal-keys';

/** Who is acting and why; becomes the metadata of every event a command writes. */
export interface CommandContext {
  readonly actorId: string | null;
  readonly source: string;
  readonly correlationId: string;
  readonly causationId: string | null;
}

export const systemContext = (source: string, causationId: string | null = null, correlationId?: string): CommandContext => ({
  actorId: null,
  source,
  correlationId: correlationId ?? randomUUID(),
  causationId,
});

const contextOf = (context: CommandContext | readonly CommandContext[], i: number): CommandContext => {
  const c = Array.isArray(context) ? context[i] : context;
  if (!c) throw new Error(`no command context for event ${i}`);
  return { actorId: c.actorId, source: c.source, correlationId: c.correlationId, causationId: c.causationId };
};

/** A recorded event after personal data was opened and its shape upcast to the current version. */
export type LoggedEvent = RecordedEvent & DomainEvent;

/**
 * The event log as the application uses it: seals personal data on the way in, opens it and upcasts
 * old shapes on the way out, and stamps metadata. Every state change in Lightbox goes through `append`.
 */
export class EventLog {
  constructor(
    readonly store: EventStore,
    private readonly keys: PersonalKeyStore,
    private readonly registry: UpcasterRegistry,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Appends events atomically; `context` is one for all events, or one per event (group commits). */
  async append(streamId: string, events: readonly DomainEvent[], expected: ExpectedRevision, context: CommandContext | readonly CommandContext[]): Promise<AppendResult> {
    const timestamp = this.now().toISOString();
    return this.store.append(
      streamId,
      events.map((event, i) => ({
        id: randomUUID(),
        type: event.type,
        data: sealPersonalData(event.data, this.keys),
        metadata: {
          ...contextOf(context, i),
          schemaVersion: currentSchemaVersion(this.registry, event.type),
          timestamp,
        },
      })),
      expected,
    );
  }

  decode(event: RecordedEvent): LoggedEvent {
    const opened = openPersonalData(event.data, this.keys);
    return { ...event, data: upcast(this.registry, event.type, event.metadata.schemaVersion ?? 1, opened) };
  }

  async readStream(streamId: string): Promise<LoggedEvent[]> {
    return (await this.store.readStream(streamId)).map((e) => this.decode(e));
  }

  subscribeAll(after: bigint | null, onEvent: (event: LoggedEvent) => Promise<void>): Subscription {
    return this.store.subscribeAll(after, (event) => onEvent(this.decode(event)));
  }

  /** Destroys a person's key: every personal value about them reads back as null from now on. */
  erasePersonalData(subjectId: string): void {
    this.keys.destroy(subjectId, this.now().toISOString());
  }
}
