import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { parseEmail } from '../../domain/accounts/email';
import { parseGmcNumber } from '../../domain/accounts/gmc-number';
import { sessionDecider, sessionStreamId } from '../../domain/accounts/session';
import { claimDecider, claimStreamId, type ClaimKind } from '../../domain/accounts/unique-claim';
import { userDecider, userStreamId, type UserEvent } from '../../domain/accounts/user';
import { DomainError } from '../../domain/shared/errors';
import { asSessionId, asUserId, type UserId } from '../../domain/shared/ids';
import { personal } from '../../domain/shared/personal';
import { sessionById } from '../../projections/sessions/sessions-queries';
import { userByEmailKey, userById } from '../../projections/users/users-queries';
import { handleCommand } from '../commands/handle-command';
import type { CommandContext, EventLog } from '../events/event-log';
import type { ProjectionRunner } from '../projections/runner';
import { lookupKey } from '../site-secret';
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords';
import { newSessionToken, parseSessionToken, secretMatches } from './tokens';

export interface NewUser {
  email: string;
  name: string;
  password?: string | null;
  gmc?: string | null;
  admin?: boolean;
}

/** The signed-in person behind a request. */
export interface Viewer {
  userId: UserId;
  sessionId: string;
  isAdmin: boolean;
}

export interface SignedIn {
  token: string;
  userId: UserId;
  expiresAt: string;
}

interface AccountsDeps {
  log: EventLog;
  readDb: Database.Database;
  /** Lets a use case wait until its events are in the read models; absent in CLI processes that run no projections. */
  runner?: Pick<ProjectionRunner, 'waitFor'>;
  secret: Buffer;
  sessionDays: number;
  now?: () => Date;
}

/** Account use cases: registration, sign-in and out, token checks, erasure. Rules live in domain/accounts. */
export class Accounts {
  constructor(private readonly deps: AccountsDeps) {}

  private now = () => (this.deps.now ?? (() => new Date()))();
  private key = (kind: ClaimKind, value: string) => lookupKey(this.deps.secret, kind, value);

  private claim(kind: ClaimKind, value: string, holderId: string, release: boolean, context: CommandContext) {
    const at = this.now().toISOString();
    const command = release ? { type: 'ReleaseValue' as const, kind, holderId, at } : { type: 'ClaimValue' as const, kind, holderId, at };
    return handleCommand(this.deps.log, claimDecider, claimStreamId(kind, this.key(kind, value)), command, context);
  }

  /** Registers an account; its personal folder is created by a reaction to the event. */
  async register(input: NewUser, context: CommandContext): Promise<{ userId: UserId; position: bigint }> {
    const email = parseEmail(input.email);
    const gmcNumber = input.gmc ? parseGmcNumber(input.gmc) : null;
    const displayName = input.name.trim();
    if (displayName.length === 0 || displayName.length > 200) throw new DomainError('INVALID_NAME', 'a display name needs 1 to 200 characters');
    if (input.password != null) checkPasswordStrength(input.password);
    const passwordHash = input.password != null ? await hashPassword(input.password) : null;
    const userId = asUserId(randomUUID());
    await this.claim('email', email, userId, false, context);
    if (gmcNumber) {
      try {
        await this.claim('gmc', gmcNumber, userId, false, context);
      } catch (error) {
        await this.claim('email', email, userId, true, context);
        throw error;
      }
    }
    const { position } = await handleCommand(
      this.deps.log,
      userDecider,
      userStreamId(userId),
      {
        type: 'RegisterUser',
        userId,
        profile: personal(userId, { displayName, email, gmcNumber, passwordHash }),
        emailKey: this.key('email', email),
        gmcKey: gmcNumber ? this.key('gmc', gmcNumber) : null,
        isAdmin: input.admin === true,
        at: this.now().toISOString(),
      },
      context,
    );
    return { userId, position: position! };
  }

  /** Checks email and password and opens a session; the same error for an unknown email and a wrong password. */
  async signIn(emailInput: string, password: string, context: CommandContext): Promise<SignedIn> {
    const wrong = new DomainError('INVALID_CREDENTIALS', 'the email address or password is wrong');
    let emailKey: string;
    try {
      emailKey = this.key('email', parseEmail(emailInput));
    } catch {
      throw wrong;
    }
    const user = userByEmailKey(this.deps.readDb, emailKey);
    const ok = await verifyPassword(user && !user.erased ? user.passwordHash : null, password);
    if (!user || !ok) throw wrong;
    return this.startSession(asUserId(user.id), 'password', { ...context, actorId: user.id });
  }

  /** Opens a session for a user already identified (password checked, or OpenID Connect sign-in). */
  async startSession(userId: UserId, method: 'password' | 'oidc', context: CommandContext): Promise<SignedIn> {
    const { sessionId, token, tokenHash } = newSessionToken();
    const at = this.now();
    const expiresAt = new Date(at.getTime() + this.deps.sessionDays * 86_400_000).toISOString();
    const { position } = await handleCommand(
      this.deps.log,
      sessionDecider,
      sessionStreamId(asSessionId(sessionId)),
      { type: 'StartSession', sessionId: asSessionId(sessionId), userId, tokenHash, method, at: at.toISOString(), expiresAt },
      context,
    );
    await this.deps.runner?.waitFor(position);
    return { token, userId, expiresAt };
  }

  /** The viewer a bearer token stands for, or null when it is unknown, revoked, expired or its user erased. */
  authenticate(token: string): Viewer | null {
    const parsed = parseSessionToken(token);
    if (!parsed) return null;
    const session = sessionById(this.deps.readDb, parsed.sessionId);
    if (!session || session.endedAt !== null || !secretMatches(parsed.secret, session.tokenHash)) return null;
    if (new Date(session.expiresAt).getTime() <= this.now().getTime()) return null;
    const user = userById(this.deps.readDb, session.userId);
    if (!user || user.erased) return null;
    return { userId: asUserId(user.id), sessionId: session.id, isAdmin: user.isAdmin };
  }

  async signOut(viewer: Viewer, context: CommandContext): Promise<void> {
    const { position } = await handleCommand(
      this.deps.log,
      sessionDecider,
      sessionStreamId(asSessionId(viewer.sessionId)),
      { type: 'EndSession', sessionId: asSessionId(viewer.sessionId), reason: 'signed-out', at: this.now().toISOString() },
      context,
    );
    await this.deps.runner?.waitFor(position);
  }

  /** The id of the account holding an email address, from the event log (works without read models). */
  async userIdForEmail(emailInput: string): Promise<UserId | null> {
    const email = parseEmail(emailInput);
    const events = await this.deps.log.readStream(claimStreamId('email', this.key('email', email)));
    const state = events.reduce((s, e) => claimDecider.evolve(s, e as never), claimDecider.initialState());
    return state.holderId ? asUserId(state.holderId) : null;
  }

  /** GDPR erasure: records the erasure, frees the email and GMC number, and destroys the person's key. */
  async erase(userId: UserId, context: CommandContext): Promise<void> {
    const history = await this.deps.log.readStream(userStreamId(userId));
    const registered = history.find((e) => e.type === 'UserRegistered')?.data as Extract<UserEvent, { type: 'UserRegistered' }>['data'] | undefined;
    if (!registered) throw new DomainError('USER_NOT_FOUND', `no user ${userId}`);
    const { position } = await handleCommand(this.deps.log, userDecider, userStreamId(userId), { type: 'EraseUser', userId, at: this.now().toISOString() }, context);
    const profile = registered.profile.value;
    if (profile) {
      await this.claim('email', profile.email, userId, true, context);
      if (profile.gmcNumber) await this.claim('gmc', profile.gmcNumber, userId, true, context);
    }
    this.deps.log.erasePersonalData(userId);
    await this.deps.runner?.waitFor(position);
  }
}
