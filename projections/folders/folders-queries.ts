import type Database from 'better-sqlite3';
import type { FolderKind } from '../../domain/folders/folder';

export interface FolderRow {
  id: string;
  name: string;
  kind: FolderKind;
  ownerId: string | null;
  createdAt: string;
}

const columns = 'id, name, kind, owner_id AS ownerId, created_at AS createdAt';

export function folderById(db: Database.Database, id: string): FolderRow | null {
  return db.prepare<[string], FolderRow>(`SELECT ${columns} FROM folders WHERE id = ?`).get(id) ?? null;
}

/** Folders a user owns, the personal folder first; admins also see the unclaimed-submissions inbox. */
export function foldersVisibleTo(db: Database.Database, userId: string, isAdmin: boolean): FolderRow[] {
  return db
    .prepare<[string, number], FolderRow>(
      `SELECT ${columns} FROM folders WHERE owner_id = ? OR (kind = 'unclaimed' AND ?)
       ORDER BY CASE kind WHEN 'personal' THEN 0 WHEN 'shared' THEN 1 ELSE 2 END, name`,
    )
    .all(userId, isAdmin ? 1 : 0);
}

export function personalFolderOf(db: Database.Database, userId: string): FolderRow | null {
  return db.prepare<[string], FolderRow>(`SELECT ${columns} FROM folders WHERE owner_id = ? AND kind = 'personal'`).get(userId) ?? null;
}
