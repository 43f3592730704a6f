import { assertNever, type Decider } from '../shared/decider';
import { DomainError } from '../shared/errors';
import type { SessionId, UserId } from '../shared/ids';

/** A signed-in browser or API client. Only a hash of its bearer token is recorded. */
export type SessionEvent =
  | {
      type: 'SessionStarted';
      data: { sessionId: SessionId; userId: UserId; tokenHash: string; method: 'password' | 'oidc'; startedAt: string; expiresAt: string };
    }
  | { type: 'SessionEnded'; data: { sessionId: SessionId; reason: 'signed-out' | 'user-erased'; endedAt: string } };

export type SessionCommand =
  | { type: 'StartSession'; sessionId: SessionId; userId: UserId; tokenHash: string; method: 'password' | 'oidc'; at: string; expiresAt: string }
  | { type: 'EndSession'; sessionId: SessionId; reason: 'signed-out' | 'user-erased'; at: string };

export type SessionState = { status: 'none' } | { status: 'active' } | { status: 'ended' };

export const sessionStreamId = (sessionId: SessionId) => `session-${sessionId}`;

export const sessionDecider: Decider<SessionCommand, SessionEvent, SessionState> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    switch (command.type) {
      case 'StartSession':
        if (state.status !== 'none') throw new DomainError('SESSION_EXISTS', `session ${command.sessionId} already exists`);
        return [
          {
            type: 'SessionStarted',
            data: {
              sessionId: command.sessionId,
              userId: command.userId,
              tokenHash: command.tokenHash,
              method: command.method,
              startedAt: command.at,
              expiresAt: command.expiresAt,
            },
          },
        ];
      case 'EndSession':
        if (state.status !== 'active') return [];
        return [{ type: 'SessionEnded', data: { sessionId: command.sessionId, reason: command.reason, endedAt: command.at } }];
      default:
        return assertNever(command);
    }
  },
  evolve(_state, event) {
    switch (event.type) {
      case 'SessionStarted':
        return { status: 'active' };
      case 'SessionEnded':
        return { status: 'ended' };
      default:
        return assertNever(event);
    }
  },
};
