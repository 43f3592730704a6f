import { createHash } from 'node:crypto';
import { assertNever, type Decider } from '../shared/decider';
import { parseGmcNumber } from '../accounts/gmc-number';
import { DomainError } from '../shared/errors';
import type { FolderId, UserId } from '../shared/ids';

export type FolderKind = 'personal' | 'shared' | 'unclaimed';

export type FolderEvent =
  | { type: 'FolderCreated'; data: { folderId: FolderId; name: string; kind: FolderKind; ownerId: UserId | null; createdAt: string } }
  | { type: 'FolderRenamed'; data: { folderId: FolderId; name: string; renamedAt: string } }
  | { type: 'FolderSendersRestricted'; data: { folderId: FolderId; allowedSenders: string[] | null; at: string } };

export type FolderCommand =
  | { type: 'CreateFolder'; folderId: FolderId; name: string; kind: FolderKind; ownerId: UserId | null; at: string }
  | { type: 'RenameFolder'; folderId: FolderId; name: string; at: string }
  | { type: 'RestrictSenders'; folderId: FolderId; gmcNumbers: readonly string[] | null; at: string };

export type FolderState =
  | { exists: false }
  | { exists: true; name: string; kind: FolderKind; ownerId: UserId | null; allowedSenders: readonly string[] | null };

export const folderStreamId = (folderId: FolderId) => `folder-${folderId}`;

/** The personal folder of a user has an id derived from the user's, so creating it twice is naturally a no-op (RCR A.3). */
export function personalFolderId(userId: UserId): FolderId {
  const hex = createHash('sha256').update(`personal-folder:${userId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}` as FolderId;
}

export const PERSONAL_FOLDER_NAME = 'My cases';

/** The shared inbox of submissions no routing rule could place (tce.md §6 rule 7): one per installation. */
export const UNCLAIMED_FOLDER_ID = '00000000-0000-5000-a000-000000000001' as FolderId;
export const UNCLAIMED_FOLDER_NAME = 'Unclaimed submissions';

function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 120) {
    throw new DomainError('INVALID_FOLDER_NAME', 'a folder name needs 1 to 120 characters');
  }
  return trimmed;
}

export const folderDecider: Decider<FolderCommand, FolderEvent, FolderState> = {
  initialState: () => ({ exists: false }),
  decide(command, state) {
    switch (command.type) {
      case 'CreateFolder':
        if (state.exists) {
          if (state.kind === command.kind && state.ownerId === command.ownerId) return [];
          throw new DomainError('FOLDER_EXISTS', `folder ${command.folderId} already exists`);
        }
        return [
          {
            type: 'FolderCreated',
            data: { folderId: command.folderId, name: validName(command.name), kind: command.kind, ownerId: command.ownerId, createdAt: command.at },
          },
        ];
      case 'RenameFolder': {
        if (!state.exists) throw new DomainError('FOLDER_NOT_FOUND', `no folder ${command.folderId}`);
        const name = validName(command.name);
        if (name === state.name) return [];
        return [{ type: 'FolderRenamed', data: { folderId: command.folderId, name, renamedAt: command.at } }];
      }
      case 'RestrictSenders': {
        if (!state.exists) throw new DomainError('FOLDER_NOT_FOUND', `no folder ${command.folderId}`);
        if (state.kind === 'unclaimed') throw new DomainError('INVALID_RESTRICTION', 'the unclaimed inbox takes every sender');
        const allowed = command.gmcNumbers === null ? null : [...new Set(command.gmcNumbers.map(parseGmcNumber))].sort();
        if (JSON.stringify(allowed) === JSON.stringify(state.allowedSenders)) return [];
        return [{ type: 'FolderSendersRestricted', data: { folderId: command.folderId, allowedSenders: allowed, at: command.at } }];
      }
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'FolderCreated':
        return { exists: true, name: event.data.name, kind: event.data.kind, ownerId: event.data.ownerId, allowedSenders: null };
      case 'FolderRenamed':
        return state.exists ? { ...state, name: event.data.name } : state;
      case 'FolderSendersRestricted':
        return state.exists ? { ...state, allowedSenders: event.data.allowedSenders } : state;
      default:
        return assertNever(event);
    }
  },
};
