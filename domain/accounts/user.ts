import { assertNever, type Decider } from '../shared/decider';
import { DomainError } from '../shared/errors';
import type { UserId } from '../shared/ids';
import type { Personal } from '../shared/personal';

/** What Lightbox knows about a person; recorded only inside a `Personal` wrapper so it can be erased. */
export interface UserProfile {
  readonly displayName: string;
  readonly email: string;
  readonly gmcNumber: string | null;
  /** argon2id hash of the password; null for accounts that sign in only through OpenID Connect. */
  readonly passwordHash: string | null;
}

export type UserEvent =
  | {
      type: 'UserRegistered';
      data: {
        userId: UserId;
        profile: Personal<UserProfile>;
        /** Keyed hashes used for look-up and uniqueness; they reveal nothing once the profile is erased. */
        emailKey: string;
        gmcKey: string | null;
        isAdmin: boolean;
        registeredAt: string;
      };
    }
  | { type: 'UserErased'; data: { userId: UserId; erasedAt: string } };

export type UserCommand =
  | {
      type: 'RegisterUser';
      userId: UserId;
      profile: Personal<UserProfile>;
      emailKey: string;
      gmcKey: string | null;
      isAdmin: boolean;
      at: string;
    }
  | { type: 'EraseUser'; userId: UserId; at: string };

export type UserState = { status: 'none' } | { status: 'active'; userId: UserId } | { status: 'erased'; userId: UserId };

export const userStreamId = (userId: UserId) => `user-${userId}`;

export const userDecider: Decider<UserCommand, UserEvent, UserState> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    switch (command.type) {
      case 'RegisterUser':
        if (state.status !== 'none') throw new DomainError('USER_EXISTS', `user ${command.userId} already exists`);
        return [
          {
            type: 'UserRegistered',
            data: {
              userId: command.userId,
              profile: command.profile,
              emailKey: command.emailKey,
              gmcKey: command.gmcKey,
              isAdmin: command.isAdmin,
              registeredAt: command.at,
            },
          },
        ];
      case 'EraseUser':
        if (state.status === 'none') throw new DomainError('USER_NOT_FOUND', `no user ${command.userId}`);
        if (state.status === 'erased') return [];
        return [{ type: 'UserErased', data: { userId: command.userId, erasedAt: command.at } }];
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'UserRegistered':
        return { status: 'active', userId: event.data.userId };
      case 'UserErased':
        return { status: 'erased', userId: event.data.userId };
      default:
        return assertNever(event);
    }
  },
};
