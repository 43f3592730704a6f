import { Show } from 'solid-js';
import { folderKindLabel, formatDate, pluralise } from '../format';
import type { FolderKind } from '../graphql/types';

interface FolderFactsProps {
  folder: { kind: FolderKind; createdAt: string; owner: { displayName: string } | null; cases: { totalCount: number } };
  class: string;
  showKind?: boolean;
  labelledBy?: string;
}

/** Owner, case count and creation date of a folder (and its type, where the page does not show it already). */
export function FolderFacts(props: FolderFactsProps) {
  return (
    <dl class={props.class} aria-labelledby={props.labelledBy}>
      <Show when={props.showKind}>
        <div>
          <dt>Type</dt>
          <dd>{folderKindLabel(props.folder.kind)}</dd>
        </div>
      </Show>
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
  );
}
