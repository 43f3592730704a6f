import { createSubscription } from '@urql/solid';
import { describeFolderChange } from '../format';
import { FolderChangedSubscription, TYPENAMES_CHANGED_BY_FOLDER_EVENTS } from '../graphql/operations';
import type { FolderChange } from '../graphql/types';
import { useAnnounce } from './live-announcer';

const subscriptionContext = { additionalTypenames: TYPENAMES_CHANGED_BY_FOLDER_EVENTS };

/**
 * Keeps every folder view live: each `folderChanged` event invalidates cached folders and audit
 * entries (the document cache re-runs those queries) and is announced politely.
 */
export function FolderChangeListener() {
  const announce = useAnnounce();
  createSubscription<{ folderChanged: FolderChange }, number>(
    { query: FolderChangedSubscription, context: subscriptionContext },
    (eventsSeen = 0, data) => {
      announce(describeFolderChange(data.folderChanged.change, data.folderChanged.folder.name));
      return eventsSeen + 1;
    },
  );
  return null;
}
