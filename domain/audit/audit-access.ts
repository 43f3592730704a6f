import { canViewFolder, type FolderAccessFacts, type Viewer } from '../folders/permissions';

/**
 * Who may read the audit trail of a stream: admins, anyone; a user, their own account, the folders they may
 * view and the cases they may view. Other streams show nothing rather than an error, so ids cannot be probed.
 */
export function canSeeAuditOf(
  streamId: string,
  viewer: Viewer,
  folderFacts: (folderId: string) => FolderAccessFacts | null,
  canViewCase: (caseId: string) => boolean,
): boolean {
  if (viewer.isAdmin) return true;
  if (streamId === `user-${viewer.userId}`) return true;
  if (streamId.startsWith('case-')) return canViewCase(streamId.slice('case-'.length));
  if (streamId.startsWith('folder-')) {
    const folder = folderFacts(streamId.slice('folder-'.length));
    return folder !== null && canViewFolder(folder, viewer);
  }
  return false;
}
