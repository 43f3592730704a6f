import { For, Show } from 'solid-js';
import { pluralise } from '../format';

/** A long list of DICOM UIDs, folded away behind a summary ("3 missing instances") until opened. */
export function CollapsibleUidList(props: { uids: readonly string[]; noun: string; open?: boolean }) {
  return (
    <Show when={props.uids.length > 0}>
      <details class="uid-details" open={props.open}>
        <summary>
          Show {pluralise(props.uids.length, props.noun)}
        </summary>
        <ul class="uid-list">
          <For each={props.uids}>{(uid) => <li class="uid">{uid}</li>}</For>
        </ul>
      </details>
    </Show>
  );
}
