import type Database from 'better-sqlite3';

export interface SessionRow {
  id: string;
  userId: string;
  tokenHash: string;
  expiresAt: string;
  endedAt: string | null;
}

export function sessionById(db: Database.Database, id: string): SessionRow | null {
  return (
    db
      .prepare<[string], SessionRow>('SELECT id, user_id AS userId, token_hash AS tokenHash, expires_at AS expiresAt, ended_at AS endedAt FROM sessions WHERE id = ?')
      .get(id) ?? null
  );
}
