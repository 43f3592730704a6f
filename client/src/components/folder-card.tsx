import { A } from '@solidjs/router';
import { onMount, Show } from 'solid-js';
import type { FolderListItem } from '../graphql/types';
import { FolderFacts } from './folder-facts';

/** One folder in "My folders": its name links to the folder page. */
export function FolderCard(props: { folder: FolderListItem; isPersonal: boolean; focusOnMount?: boolean }) {
  const headingId = () => `folder-${props.folder.id}-name`;
  const isUnclaimed = () => props.folder.kind === 'UNCLAIMED';
  let link!: HTMLAnchorElement;
  onMount(() => {
    if (props.focusOnMount) link.focus();
  });
  return (
    <li class="folder-card" classList={{ 'is-personal': props.isPersonal, 'is-unclaimed': isUnclaimed() }}>
      <div class="folder-card-title">
        <span class="folder-icon" aria-hidden="true" data-kind={props.folder.kind} />
        <A ref={link} href={`/folders/${encodeURIComponent(props.folder.id)}`} class="folder-card-link" id={headingId()}>
          {props.folder.name}
        </A>
        <Show when={props.isPersonal}>
          <span class="badge badge-personal">Your personal folder</span>
        </Show>
        <Show when={isUnclaimed()}>
          <span class="badge badge-unclaimed">Needs filing</span>
        </Show>
      </div>
      <Show when={isUnclaimed()}>
        <p class="folder-card-note">
          Submissions no routing rule could file. Open a case to claim it into a folder.
        </p>
      </Show>
      <FolderFacts folder={props.folder} class="folder-meta" showKind labelledBy={headingId()} />
    </li>
  );
}
