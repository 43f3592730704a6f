import type { SessionEvent } from '../../domain/accounts/session';
import type { UserEvent } from '../../domain/accounts/user';
import type { Projection } from '../../server/projections/projection';

export const sessionsProjection: Projection = {
  name: 'sessions',
  apply(event, db) {
    const e = event as unknown as SessionEvent | UserEvent;
    switch (e.type) {
      case 'SessionStarted':
        db.prepare('INSERT OR REPLACE INTO sessions (id, user_id, token_hash, method, started_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)').run(
          e.data.sessionId,
          e.data.userId,
          e.data.tokenHash,
          e.data.method,
          e.data.startedAt,
          e.data.expiresAt,
        );
        return;
      case 'SessionEnded':
        db.prepare('UPDATE sessions SET ended_at = ? WHERE id = ?').run(e.data.endedAt, e.data.sessionId);
        return;
      case 'UserErased':
        db.prepare('UPDATE sessions SET ended_at = COALESCE(ended_at, ?) WHERE user_id = ?').run(e.data.erasedAt, e.data.userId);
        return;
      default:
        return;
    }
  },
};
