import type { FolderKind } from './folder';

export interface Viewer {
  readonly userId: string;
  readonly isAdmin: boolean;
}

export interface FolderAccessFacts {
  readonly kind: FolderKind;
  readonly ownerId: string | null;
}

/**
 * Who may see a folder: its owner; for the unclaimed-submissions inbox, admins (RCR A.3: personal folders
 * are private to their owner). Shared-folder membership rights arrive with folder sharing.
 */
export function canViewFolder(folder: FolderAccessFacts, viewer: Viewer): boolean {
  if (folder.ownerId === viewer.userId) return true;
  return folder.kind === 'unclaimed' && viewer.isAdmin;
}
