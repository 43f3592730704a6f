import type { Decider, DomainEvent } from '../../domain/shared/decider';
import { WrongExpectedRevisionError } from '../eventstore/port';
import type { CommandContext, EventLog } from '../events/event-log';

interface Pending<C, E> {
  command: C;
  context: CommandContext;
  resolve: (result: { events: E[]; position: bigint | null }) => void;
  reject: (error: unknown) => void;
}

/**
 * The write path for one busy stream (the DICOM receiver's staging area): the folded state stays in memory,
 * and commands that arrive while an append is in flight are decided one after another on that state and
 * appended together in one durable commit (group commit). Each command still gets exactly the events it
 * decided. A concurrent writer elsewhere (another node) makes the append fail; the state is then reloaded
 * from the log and the batch decided again. A command whose decide throws fails alone.
 */
export class HotStreamWriter<C, E extends DomainEvent, S> {
  private state: S;
  private revision: number | null = null;
  private loaded = false;
  private queue: Pending<C, E>[] = [];
  private running = false;

  constructor(
    private readonly log: EventLog,
    private readonly decider: Decider<C, E, S>,
    private readonly streamId: string,
    private readonly maxBatch = 256,
  ) {
    this.state = decider.initialState();
  }

  /** The folded state as of the last append (read-only use: e.g. expiry checks). */
  get current(): S {
    return this.state;
  }

  /** Folds the stream now (at start-up) rather than on the first command. */
  async prepare(): Promise<void> {
    if (!this.loaded) await this.reload();
  }

  private async reload(): Promise<void> {
    const history = await this.log.readStream(this.streamId);
    this.state = history.reduce((s, e) => this.decider.evolve(s, e as unknown as E), this.decider.initialState());
    this.revision = history.at(-1)?.revision ?? null;
    this.loaded = true;
  }

  execute(command: C, context: CommandContext): Promise<{ events: E[]; position: bigint | null }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ command, context, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.runBatch(batch);
      }
    } finally {
      this.running = false;
    }
  }

  private async runBatch(batch: Pending<C, E>[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        if (!this.loaded) await this.reload();
      } catch (error) {
        for (const p of batch) p.reject(error);
        return;
      }
      let state = this.state;
      const decided: { pending: Pending<C, E>; events: E[] }[] = [];
      for (const pending of batch) {
        try {
          const events = this.decider.decide(pending.command, state);
          state = events.reduce(this.decider.evolve, state);
          decided.push({ pending, events });
        } catch (error) {
          pending.reject(error);
        }
      }
      const all = decided.flatMap((d) => d.events);
      if (all.length === 0) {
        this.state = state;
        for (const d of decided) d.pending.resolve({ events: [], position: null });
        return;
      }
      try {
        const contexts = decided.flatMap((d) => d.events.map(() => d.pending.context));
        const result = await this.log.append(this.streamId, all, this.revision === null ? 'no_stream' : this.revision, contexts);
        this.state = state;
        this.revision = result.nextRevision;
        for (const d of decided) d.pending.resolve({ events: d.events, position: d.events.length > 0 ? result.position : null });
        return;
      } catch (error) {
        this.loaded = false;
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= 5) {
          for (const d of decided) d.pending.reject(error);
          return;
        }
        batch = decided.map((d) => d.pending);
      }
    }
  }
}
