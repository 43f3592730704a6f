import { assertNever, type Decider } from '../shared/decider';
import { DomainError } from '../shared/errors';

/**
 * A value that at most one holder may have at a time (an account's email address or GMC number, a node's AE title). Each value has its
 * own stream, keyed by a keyed hash of the value, so the event store's optimistic concurrency enforces uniqueness.
 */
export type ClaimKind = 'email' | 'gmc' | 'aet';

export type ClaimEvent =
  | { type: 'ValueClaimed'; data: { kind: ClaimKind; holderId: string; at: string } }
  | { type: 'ValueReleased'; data: { kind: ClaimKind; holderId: string; at: string } };

export type ClaimCommand =
  | { type: 'ClaimValue'; kind: ClaimKind; holderId: string; at: string }
  | { type: 'ReleaseValue'; kind: ClaimKind; holderId: string; at: string };

export interface ClaimState {
  readonly holderId: string | null;
}

export const claimStreamId = (kind: ClaimKind, key: string) => `claim-${kind}-${key}`;

const takenCode: Record<ClaimKind, string> = { email: 'EMAIL_TAKEN', gmc: 'GMC_NUMBER_TAKEN', aet: 'AE_TITLE_TAKEN' };
const takenMessage: Record<ClaimKind, string> = {
  email: 'an account with this email address already exists',
  gmc: 'an account with this GMC number already exists',
  aet: 'a registered node already uses this AE title',
};

export const claimDecider: Decider<ClaimCommand, ClaimEvent, ClaimState> = {
  initialState: () => ({ holderId: null }),
  decide(command, state) {
    switch (command.type) {
      case 'ClaimValue':
        if (state.holderId === command.holderId) return [];
        if (state.holderId !== null) throw new DomainError(takenCode[command.kind], takenMessage[command.kind]);
        return [{ type: 'ValueClaimed', data: { kind: command.kind, holderId: command.holderId, at: command.at } }];
      case 'ReleaseValue':
        if (state.holderId !== command.holderId) return [];
        return [{ type: 'ValueReleased', data: { kind: command.kind, holderId: command.holderId, at: command.at } }];
      default:
        return assertNever(command);
    }
  },
  evolve(_state, event) {
    switch (event.type) {
      case 'ValueClaimed':
        return { holderId: event.data.holderId };
      case 'ValueReleased':
        return { holderId: null };
      default:
        return assertNever(event);
    }
  },
};
