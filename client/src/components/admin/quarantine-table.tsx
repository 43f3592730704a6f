import { For, Show } from 'solid-js';
import { describeTransport, formatDateTime } from '../../format';
import type { QuarantinedInstance } from '../../graphql/admin-types';
import { TableScroll } from '../table-scroll';
import { QuarantineActions } from './quarantine-actions';

/** Objects kept out of every folder because they may not be de-identified. */
export function QuarantineTable(props: { instances: QuarantinedInstance[] }) {
  return (
    <section class="panel" aria-labelledby="quarantine-heading">
      <h2 id="quarantine-heading">Quarantine</h2>
      <p class="panel-lede">
        Objects kept out of every folder because they may still identify a patient. Ask the sender to
        de-identify and send them again, or check an object yourself and release or delete it.
      </p>
      <Show when={props.instances.length > 0} fallback={<p class="empty-state">Nothing in quarantine.</p>}>
        <TableScroll label="Quarantined objects">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">SOP Instance UID</th>
                <th scope="col">Why</th>
                <th scope="col">Received</th>
                <th scope="col">Calling AE</th>
                <th scope="col">Peer</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.instances}>
                {(instance) => (
                  <tr>
                    <td class="uid">{instance.sopInstanceUid}</td>
                    <td>
                      <ul class="plain-list">
                        <For each={instance.reasons}>{(reason) => <li>{reason}</li>}</For>
                      </ul>
                    </td>
                    <td class="nowrap">
                      <time datetime={instance.receivedAt}>{formatDateTime(instance.receivedAt)}</time>
                    </td>
                    <td class="mono">{instance.callingAet}</td>
                    <td class="mono">
                      {instance.peerAddress}
                      <span class="cell-note">{describeTransport(instance.transport)}</span>
                    </td>
                    <td>
                      <QuarantineActions sopInstanceUid={instance.sopInstanceUid} />
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableScroll>
      </Show>
    </section>
  );
}
