import { canViewFolder, type FolderAccessFacts, type Viewer } from '../folders/permissions';

/**
 * Who may read the audit trail of a stream: admins, anyone; a user, their own account and sessions' streams
 * and the folders they may view. Other streams show nothing rather than an error, so ids cannot be probed.
 */
export function canSeeAuditOf(streamId: string, viewer: Viewer, folderFacts: (folderId: string) => FolderAccessFacts | null): boolean {
  if (viewer.isAdmin) return true;
  if (streamId === `user-${viewer.userId}`) return true;
  if (streamId.startsWith('folder-')) {
    const folder = folderFacts(streamId.slice('folder-'.length));
    return folder !== null && canViewFolder(folder, viewer);
  }
  return false;
}
