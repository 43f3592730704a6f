import type { UserEvent } from '../../domain/accounts/user';
import { folderDecider, folderStreamId, PERSONAL_FOLDER_NAME, personalFolderId } from '../../domain/folders/folder';
import { handleCommand } from '../commands/handle-command';
import type { EventLog } from '../events/event-log';
import { reactionContext, type Reaction } from './reactor';

/** Every new account gets a personal folder (RCR A.3). The folder id derives from the user id, so a replay is a no-op. */
export function personalFolderReaction(log: EventLog): Reaction {
  return {
    name: 'personal-folder',
    async handle(event) {
      const e = event as unknown as UserEvent;
      if (e.type !== 'UserRegistered') return;
      const folderId = personalFolderId(e.data.userId);
      await handleCommand(
        log,
        folderDecider,
        folderStreamId(folderId),
        { type: 'CreateFolder', folderId, name: PERSONAL_FOLDER_NAME, kind: 'personal', ownerId: e.data.userId, at: e.data.registeredAt },
        reactionContext('personal-folder', event),
      );
    },
  };
}
