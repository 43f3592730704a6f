import { createMutation } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { formatDate } from '../../format';
import {
  RemoveSendingNodeMutation,
  sendingNodeMutationContext,
  SetSendingNodeEnabledMutation,
} from '../../graphql/admin-operations';
import type { SendingNode } from '../../graphql/admin-types';
import { humanErrorMessage } from '../../graphql/errors';
import { useAnnounce } from '../live-announcer';
import { TableScroll } from '../table-scroll';

function NodeRow(props: { node: SendingNode; onError(message: string | undefined): void }) {
  const announce = useAnnounce();
  const [toggleState, setEnabled] = createMutation(SetSendingNodeEnabledMutation);
  const [removeState, removeNode] = createMutation(RemoveSendingNodeMutation);
  const [confirming, setConfirming] = createSignal(false);
  let removeButton: HTMLButtonElement | undefined;
  let cancelButton: HTMLButtonElement | undefined;

  const toggle = async () => {
    props.onError(undefined);
    const enabled = !props.node.enabled;
    const result = await setEnabled({ id: props.node.id, enabled }, sendingNodeMutationContext);
    if (result.error) props.onError(`${props.node.name} could not be ${enabled ? 'enabled' : 'disabled'}. ${humanErrorMessage(result.error)}`);
    else announce(`${props.node.name} ${enabled ? 'can send again' : 'is disabled: Lightbox refuses what it sends'}.`);
  };

  const askToRemove = () => {
    setConfirming(true);
    queueMicrotask(() => cancelButton?.focus());
  };
  const cancelRemove = () => {
    setConfirming(false);
    queueMicrotask(() => removeButton?.focus());
  };
  const remove = async () => {
    props.onError(undefined);
    const result = await removeNode({ id: props.node.id }, sendingNodeMutationContext);
    if (result.error) {
      props.onError(`${props.node.name} could not be removed. ${humanErrorMessage(result.error)}`);
      cancelRemove();
    } else {
      announce(`${props.node.name} removed.`);
      document.getElementById('node-name')?.focus();
    }
  };

  return (
    <tr classList={{ 'is-disabled': !props.node.enabled }}>
      <th scope="row">{props.node.name}</th>
      <td class="mono">{props.node.aeTitle}</td>
      <td class="mono host-cell">{props.node.host}</td>
      <td>
        <button
          type="button"
          role="switch"
          class="switch"
          aria-checked={props.node.enabled}
          aria-label={`${props.node.name} may send`}
          disabled={toggleState.fetching}
          onClick={() => void toggle()}
        >
          <span class="switch-track" aria-hidden="true">
            <span class="switch-thumb" />
          </span>
          <span class="switch-label" aria-hidden="true">{props.node.enabled ? 'Enabled' : 'Disabled'}</span>
        </button>
      </td>
      <td class="nowrap">
        <time datetime={props.node.registeredAt}>{formatDate(props.node.registeredAt)}</time>
      </td>
      <td class="row-actions">
        <Show
          when={confirming()}
          fallback={
            <button ref={removeButton} type="button" class="button button-quiet button-small" onClick={askToRemove}>
              Remove<span class="visually-hidden"> {props.node.name}</span>
            </button>
          }
        >
          <div class="confirm" role="group" aria-label={`Remove ${props.node.name}?`}>
            <span class="confirm-question">Remove {props.node.name}? It will no longer be able to send.</span>
            <button type="button" class="button button-danger button-small" disabled={removeState.fetching} onClick={() => void remove()}>
              {removeState.fetching ? 'Removing…' : 'Yes, remove'}
            </button>
            <button ref={cancelButton} type="button" class="button button-quiet button-small" onClick={cancelRemove}>
              Cancel
            </button>
          </div>
        </Show>
      </td>
    </tr>
  );
}

/** Registered senders with an enable switch and remove (with confirmation) per row. */
export function SendingNodeTable(props: { nodes: SendingNode[] }) {
  const [error, setError] = createSignal<string>();
  return (
    <>
      <Show when={error()}>
        <p class="notice notice-error" role="alert">
          {error()}
        </p>
      </Show>
      <Show
        when={props.nodes.length > 0}
        fallback={<p class="empty-state">No sending nodes yet. Add your hospital’s PACS or Export Manager below.</p>}
      >
        <TableScroll label="Sending nodes">
          <table class="data-table node-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">AE title</th>
                <th scope="col">Host</th>
                <th scope="col">May send</th>
                <th scope="col">Registered</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={props.nodes}>{(node) => <NodeRow node={node} onError={setError} />}</For>
            </tbody>
          </table>
        </TableScroll>
      </Show>
    </>
  );
}
