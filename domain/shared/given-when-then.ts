import type { Decider, DomainEvent } from './decider';

/** Runs a decider spec: given past events, when a command, then the events it decides (or the error it throws). */
export function given<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, history: E[]) {
  const state = history.reduce(decider.evolve, decider.initialState());
  return { when: (command: C) => () => decider.decide(command, state) };
}
