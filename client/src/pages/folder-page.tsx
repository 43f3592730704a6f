import { A, useParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { Show } from 'solid-js';
import { AuditPanel } from '../components/audit-panel';
import { Breadcrumbs } from '../components/breadcrumbs';
import { CaseList } from '../components/case-list';
import { FolderSenders } from '../components/folders/folder-senders';
import { RenameFolder } from '../components/folders/rename-folder';
import { FolderFacts } from '../components/folder-facts';
import { PageHeading } from '../components/page-heading';
import { QueryResult } from '../components/query-result';
import { folderKindLabel } from '../format';
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
        <FolderFacts folder={props.folder} class="folder-facts" />
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
    <QueryResult
      value={result.data?.folder}
      error={result.error}
      retry={reexecute}
      loading="Opening folder…"
      failure="This folder could not be opened"
      notFound={<FolderNotFound />}
    >
      {(folder) => <FolderView folder={folder} />}
    </QueryResult>
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
