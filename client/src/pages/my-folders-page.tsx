import { createQuery } from '@urql/solid';
import { createMemo, For, Match, Show, Switch } from 'solid-js';
import { FolderCard } from '../components/folder-card';
import { PageHeading } from '../components/page-heading';
import { ErrorMessage, LoadingMessage } from '../components/status-messages';
import { MyFoldersQuery } from '../graphql/operations';
import type { CurrentUser, FolderListItem } from '../graphql/types';
import { useCurrentUser } from '../session';

function isPersonalFolderOf(user: CurrentUser, folder: FolderListItem): boolean {
  if (user.personalFolder) return folder.id === user.personalFolder.id;
  return folder.kind === 'PERSONAL' && folder.owner?.id === user.id;
}

/** The personal folder first, then the others by name. */
function orderFolders(user: CurrentUser, folders: readonly FolderListItem[]): FolderListItem[] {
  return [...folders].sort((a, b) => {
    const personal = Number(isPersonalFolderOf(user, b)) - Number(isPersonalFolderOf(user, a));
    return personal !== 0 ? personal : a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' });
  });
}

export function MyFoldersPage() {
  const user = useCurrentUser();
  const [result, reexecute] = createQuery({ query: MyFoldersQuery });
  const folders = createMemo(() => orderFolders(user(), result.data?.folders ?? []));

  return (
    <div class="page">
      <div class="page-header">
        <PageHeading title="My folders" />
        <p class="page-lede">
          Folders you own or can see. Cases you send from your PACS arrive in your personal folder.
        </p>
      </div>
      <Switch fallback={<LoadingMessage>Loading your folders…</LoadingMessage>}>
        <Match when={result.data}>
          <Show
            when={folders().length > 0}
            fallback={<p class="empty-state">You have no folders yet. Your personal folder appears here once your account is ready.</p>}
          >
            <ul class="folder-list" aria-label="Folders">
              <For each={folders()}>
                {(folder) => <FolderCard folder={folder} isPersonal={isPersonalFolderOf(user(), folder)} />}
              </For>
            </ul>
          </Show>
        </Match>
        <Match when={result.error}>
          <ErrorMessage
            title="Your folders could not be loaded"
            error={result.error}
            onRetry={() => reexecute({ requestPolicy: 'network-only' })}
          />
        </Match>
      </Switch>
    </div>
  );
}
