import type { Decider, DomainEvent } from '../../domain/shared/decider';
import { WrongExpectedRevisionError } from '../eventstore/port';
import type { CommandContext, EventLog } from '../events/event-log';

export interface CommandResult<E> {
  /** Events the command appended (empty when the decider decided nothing needed to happen). */
  readonly events: E[];
  /** Global position of the last appended event; null when nothing was appended. */
  readonly position: bigint | null;
}

/**
 * The one write path: load the stream, fold it, run the pure `decide`, append with the expected revision.
 * A concurrent write to the same stream makes the append fail; the command is then re-decided on the new state.
 */
export async function handleCommand<C, E extends DomainEvent, S>(
  log: EventLog,
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  context: CommandContext,
  maxAttempts = 5,
): Promise<CommandResult<E>> {
  for (let attempt = 1; ; attempt += 1) {
    const history = await log.readStream(streamId);
    const state = history.reduce((s, e) => decider.evolve(s, e as unknown as E), decider.initialState());
    const events = decider.decide(command, state);
    if (events.length === 0) return { events, position: null };
    const lastRevision = history.at(-1)?.revision;
    try {
      const { position } = await log.append(streamId, events, lastRevision === undefined ? 'no_stream' : lastRevision, context);
      return { events, position };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= maxAttempts) throw error;
    }
  }
}
