/** An event as the domain knows it: a past-tense `type` and a plain JSON-serialisable payload. */
export interface DomainEvent<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
}

/** A pure aggregate: `decide` turns a command and the current state into events; `evolve` folds events into state. */
export interface Decider<C, E extends DomainEvent, S> {
  readonly initialState: () => S;
  readonly decide: (command: C, state: S) => E[];
  readonly evolve: (state: S, event: E) => S;
}

export function assertNever(x: never): never {
  throw new Error(`unexpected variant: ${JSON.stringify(x)}`);
}
