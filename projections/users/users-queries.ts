import type Database from 'better-sqlite3';

export interface UserRow {
  id: string;
  displayName: string | null;
  email: string | null;
  gmcNumber: string | null;
  passwordHash: string | null;
  isAdmin: boolean;
  erased: boolean;
  registeredAt: string;
}

const columns = `id, display_name AS displayName, email, gmc_number AS gmcNumber, password_hash AS passwordHash,
  is_admin AS isAdmin, erased, registered_at AS registeredAt`;

type RawUser = Omit<UserRow, 'isAdmin' | 'erased'> & { isAdmin: number; erased: number };
const toUser = (row: RawUser | undefined): UserRow | null => (row ? { ...row, isAdmin: row.isAdmin === 1, erased: row.erased === 1 } : null);

export function userById(db: Database.Database, id: string): UserRow | null {
  return toUser(db.prepare<[string], RawUser>(`SELECT ${columns} FROM users WHERE id = ?`).get(id));
}

export function userByEmailKey(db: Database.Database, emailKey: string): UserRow | null {
  return toUser(db.prepare<[string], RawUser>(`SELECT ${columns} FROM users WHERE email_key = ?`).get(emailKey));
}

export function userByGmcKey(db: Database.Database, gmcKey: string): UserRow | null {
  return toUser(db.prepare<[string], RawUser>(`SELECT ${columns} FROM users WHERE gmc_key = ? AND erased = 0`).get(gmcKey));
}

export function usersByIds(db: Database.Database, ids: readonly string[]): Map<string, UserRow> {
  if (ids.length === 0) return new Map();
  const rows = db.prepare<string[], RawUser>(`SELECT ${columns} FROM users WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids);
  return new Map(rows.map((r) => [r.id, toUser(r)!]));
}
