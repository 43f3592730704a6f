import type Database from 'better-sqlite3';
import { personalFolderId } from '../../domain/folders/folder';
import { asFolderId, asUserId, type FolderId } from '../../domain/shared/ids';
import type { GmcNumber } from '../../domain/tce/person-name';
import type { RoutingDirectory, RoutingFolder, RoutingUser } from '../../domain/tce/routing';

interface UserRow {
  id: string;
  email: string | null;
  gmc_number: string | null;
}

/**
 * The tables routing decides with (tce.md §6), read from the read models: users by GMC number and email (and
 * by the part of the email before the @ when no other user shares it, the user name MIRC's `owner=` carries),
 * folders by id and name, and the called-AE routes. Users' personal folders derive from their ids.
 */
export function loadRoutingDirectory(db: Database.Database, calledAeFolders: Readonly<Record<string, FolderId>>): RoutingDirectory {
  const users = db.prepare<[], UserRow>('SELECT id, email, gmc_number FROM users WHERE erased = 0').all();
  const usersByGmc: Record<string, RoutingUser> = {};
  const usersByLogin: Record<string, RoutingUser> = {};
  const localParts = new Map<string, RoutingUser[]>();
  for (const u of users) {
    const user = { userId: asUserId(u.id), personalFolderId: personalFolderId(asUserId(u.id)) };
    if (u.gmc_number) usersByGmc[u.gmc_number] = user;
    if (!u.email) continue;
    usersByLogin[u.email.toLowerCase()] = user;
    const local = u.email.toLowerCase().split('@')[0]!;
    localParts.set(local, [...(localParts.get(local) ?? []), user]);
  }
  for (const [local, holders] of localParts) if (holders.length === 1 && !usersByLogin[local]) usersByLogin[local] = holders[0]!;
  const foldersByKey: Record<string, FolderId> = {};
  for (const f of db.prepare<[], { id: string; name: string; kind: string }>("SELECT id, name, kind FROM folders WHERE kind = 'shared'").all()) {
    foldersByKey[f.id] = asFolderId(f.id);
    foldersByKey[f.name.toLowerCase()] ??= asFolderId(f.id);
  }
  const folders: Record<string, RoutingFolder> = {};
  for (const f of db.prepare<[], { id: string; allowed_senders: string }>('SELECT id, allowed_senders FROM folders WHERE allowed_senders IS NOT NULL').all()) {
    folders[f.id] = { folderId: asFolderId(f.id), allowedSenders: JSON.parse(f.allowed_senders) as GmcNumber[] };
  }
  return { calledAeFolders, dispositions: {}, siteInboxes: {}, usersByGmc, usersByLogin, usersByName: {}, foldersByKey, folders };
}
