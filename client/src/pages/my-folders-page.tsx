import { createQuery } from '@urql/solid';
import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js';
import { FolderCard } from '../components/folder-card';
import { NewFolder } from '../components/folders/new-folder';
import { PageHeading } from '../components/page-heading';
import { ErrorMessage, LoadingMessage } from '../components/status-messages';
import { MyFoldersQuery } from '../graphql/operations';
import type { CurrentUser, FolderListItem } from '../graphql/types';
import { useCurrentUser } from '../session';

function isPersonalFolderOf(user: CurrentUser, folder: FolderListItem): boolean {
  if (user.personalFolder) return folder.id === user.personalFolder.id;
  return folder.kind === 'PERSONAL' && folder.owner?.id === user.id;
}

/** The personal folder first, then the unclaimed inbox (admins), then the others by name. */
function orderFolders(user: CurrentUser, folders: readonly FolderListItem[]): FolderListItem[] {
  const rank = (folder: FolderListItem) => (isPersonalFolderOf(user, folder) ? 0 : folder.kind === 'UNCLAIMED' ? 1 : 2);
  return [...folders].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    return byRank !== 0 ? byRank : a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' });
  });
}

export function MyFoldersPage() {
  const user = useCurrentUser();
  const [result, reexecute] = createQuery({ query: MyFoldersQuery });
  const folders = createMemo(() => orderFolders(user(), result.data?.folders ?? []));
  const [createdFolderId, setCreatedFolderId] = createSignal<string>();

  return (
    <div class="page">
      <div class="page-header">
        <div class="page-title-row page-title-row-spread">
          <PageHeading title="My folders" />
          <NewFolder onCreated={setCreatedFolderId} />
        </div>
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
                {(folder) => (
                  <FolderCard
                    folder={folder}
                    isPersonal={isPersonalFolderOf(user(), folder)}
                    focusOnMount={folder.id === createdFolderId()}
                  />
                )}
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
