import type Database from 'better-sqlite3';
import type { FolderKind } from '../../domain/folders/folder';

export interface FolderRow {
  id: string;
  name: string;
  kind: FolderKind;
  ownerId: string | null;
  createdAt: string;
  /** GMC numbers of the only senders whose submissions this folder accepts; null: any sender. */
  allowedSenders: string[] | null;
}

const columns = 'id, name, kind, owner_id AS ownerId, created_at AS createdAt, allowed_senders AS allowedSenders';
type RawFolder = Omit<FolderRow, 'allowedSenders'> & { allowedSenders: string | null };
const toFolder = (r: RawFolder): FolderRow => ({ ...r, allowedSenders: r.allowedSenders === null ? null : (JSON.parse(r.allowedSenders) as string[]) });

export function folderById(db: Database.Database, id: string): FolderRow | null {
  const row = db.prepare<[string], RawFolder>(`SELECT ${columns} FROM folders WHERE id = ?`).get(id);
  return row ? toFolder(row) : null;
}

/** Folders a user owns, the personal folder first; admins also see the unclaimed-submissions inbox. */
export function foldersVisibleTo(db: Database.Database, userId: string, isAdmin: boolean): FolderRow[] {
  return db
    .prepare<[string, number], RawFolder>(
      `SELECT ${columns} FROM folders WHERE owner_id = ? OR (kind = 'unclaimed' AND ?)
       ORDER BY CASE kind WHEN 'personal' THEN 0 WHEN 'shared' THEN 1 ELSE 2 END, name`,
    )
    .all(userId, isAdmin ? 1 : 0)
    .map(toFolder);
}

export function personalFolderOf(db: Database.Database, userId: string): FolderRow | null {
  const row = db.prepare<[string], RawFolder>(`SELECT ${columns} FROM folders WHERE owner_id = ? AND kind = 'personal'`).get(userId);
  return row ? toFolder(row) : null;
}
