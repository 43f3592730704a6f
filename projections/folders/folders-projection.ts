import type { FolderEvent } from '../../domain/folders/folder';
import type { Projection } from '../../server/projections/projection';

export const foldersProjection: Projection = {
  name: 'folders',
  apply(event, db) {
    const e = event as unknown as FolderEvent;
    switch (e.type) {
      case 'FolderCreated':
        db.prepare('INSERT OR REPLACE INTO folders (id, name, kind, owner_id, created_at, updated_position) VALUES (?, ?, ?, ?, ?, ?)').run(
          e.data.folderId,
          e.data.name,
          e.data.kind,
          e.data.ownerId,
          e.data.createdAt,
          event.position,
        );
        return [{ topic: 'folder', key: e.data.folderId, change: 'created' }];
      case 'FolderRenamed':
        db.prepare('UPDATE folders SET name = ?, updated_position = ? WHERE id = ?').run(e.data.name, event.position, e.data.folderId);
        return [{ topic: 'folder', key: e.data.folderId, change: 'renamed' }];
      case 'FolderSendersRestricted':
        db.prepare('UPDATE folders SET allowed_senders = ?, updated_position = ? WHERE id = ?').run(
          e.data.allowedSenders === null ? null : JSON.stringify(e.data.allowedSenders),
          event.position,
          e.data.folderId,
        );
        return [{ topic: 'folder', key: e.data.folderId, change: 'sendersRestricted' }];
      default:
        return [];
    }
  },
};
