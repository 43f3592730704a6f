import { A, useParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { Match, Show, Switch } from 'solid-js';
import { AuditPanel } from '../components/audit-panel';
import { Breadcrumbs } from '../components/breadcrumbs';
import { CaseList } from '../components/case-list';
import { FolderSenders } from '../components/folders/folder-senders';
import { RenameFolder } from '../components/folders/rename-folder';
import { PageHeading } from '../components/page-heading';
import { ErrorMessage, LoadingMessage } from '../components/status-messages';
import { folderKindLabel, formatDate, pluralise } from '../format';
import { CASES_PAGE_SIZE, FolderQuery } from '../graphql/operations';
import type { FolderDetail } from '../graphql/types';
import { useCurrentUser } from '../session';

const FOLDERS_TRAIL = [{ label: 'My folders', href: '/' }];

function FolderView(props: { folder: FolderDetail }) {
  const user = useCurrentUser();
  const isMyPersonalFolder = () => user().personalFolder?.id === props.folder.id;
  const isMine = () => props.folder.owner?.id === user().id;
  return (
    <div class="page">
      <Breadcrumbs trail={FOLDERS_TRAIL} current={props.folder.name} />
      <div class="page-header">
        <div class="page-title-row">
          <PageHeading title={props.folder.name} />
          <span
            class="badge"
            classList={{ 'badge-personal': isMyPersonalFolder(), 'badge-unclaimed': props.folder.kind === 'UNCLAIMED' }}
          >
            {isMyPersonalFolder() ? 'Your personal folder' : `${folderKindLabel(props.folder.kind)} folder`}
          </span>
          <Show when={isMine()}>
            <RenameFolder folderId={props.folder.id} name={props.folder.name} />
          </Show>
        </div>
        <Show when={props.folder.kind === 'UNCLAIMED'}>
          <p class="page-lede">
            Submissions no routing rule could file into a folder. Open a case to check it, then claim it into a
            folder.
          </p>
        </Show>
        <dl class="folder-facts">
          <div>
            <dt>Owner</dt>
            <dd>{props.folder.owner?.displayName ?? 'No owner'}</dd>
          </div>
          <div>
            <dt>Cases</dt>
            <dd>{pluralise(props.folder.cases.totalCount, 'case')}</dd>
          </div>
          <div>
            <dt>Created</dt>
            <dd>
              <time datetime={props.folder.createdAt}>{formatDate(props.folder.createdAt)}</time>
            </dd>
          </div>
        </dl>
      </div>
      <div class="folder-layout">
        <section class="panel" aria-labelledby="cases-heading">
          <h2 id="cases-heading">Cases</h2>
          <CaseList folderId={props.folder.id} firstPage={props.folder.cases} />
        </section>
        <div class="folder-side">
          <Show when={isMine() && props.folder.kind !== 'UNCLAIMED'}>
            <FolderSenders folderId={props.folder.id} allowedSenders={props.folder.allowedSenders} />
          </Show>
          <AuditPanel streamId={props.folder.streamId} subject="folder" />
        </div>
      </div>
    </div>
  );
}

function FolderNotFound() {
  return (
    <div class="page page-narrow">
      <Breadcrumbs trail={FOLDERS_TRAIL} current="Folder not found" />
      <PageHeading title="Folder not found" />
      <p>This folder does not exist, or you do not have access to it. Ask the folder’s owner to share it with you.</p>
      <p>
        <A href="/" class="button button-secondary">
          Back to My folders
        </A>
      </p>
    </div>
  );
}

function FolderLoader(props: { id: string }) {
  const [result, reexecute] = createQuery({
    query: FolderQuery,
    variables: () => ({ id: props.id, first: CASES_PAGE_SIZE }),
  });
  return (
    <Switch fallback={<LoadingMessage>Opening folder…</LoadingMessage>}>
      <Match when={result.data?.folder}>{(folder) => <FolderView folder={folder()} />}</Match>
      <Match when={result.data && result.data.folder === null}>
        <FolderNotFound />
      </Match>
      <Match when={result.error}>
        <ErrorMessage
          title="This folder could not be opened"
          error={result.error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
      </Match>
    </Switch>
  );
}

export function FolderPage() {
  const params = useParams<{ id: string }>();
  return (
    <Show when={params.id} keyed>
      {(id) => <FolderLoader id={id} />}
    </Show>
  );
}
