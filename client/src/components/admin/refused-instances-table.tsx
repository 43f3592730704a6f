import { For, Show } from 'solid-js';
import { formatDateTime } from '../../format';
import type { RefusedInstance } from '../../graphql/admin-types';
import { TableScroll } from '../table-scroll';

/** Single objects answered with a failure status (the association itself was accepted). */
export function RefusedInstancesTable(props: { refused: RefusedInstance[] }) {
  return (
    <section class="panel" aria-labelledby="refused-heading">
      <h2 id="refused-heading">Refused instances</h2>
      <p class="panel-lede">Objects answered with a failure status, and why.</p>
      <Show when={props.refused.length > 0} fallback={<p class="empty-state">No instance has been refused.</p>}>
        <TableScroll label="Refused instances">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">SOP Instance UID</th>
                <th scope="col">Status</th>
                <th scope="col">Code</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.refused}>
                {(item) => (
                  <tr>
                    <td class="nowrap">
                      <time datetime={item.at}>{formatDateTime(item.at)}</time>
                    </td>
                    <td class="uid">{item.sopInstanceUid ?? <span class="muted">Not readable</span>}</td>
                    <td class="mono">{item.status}</td>
                    <td class="mono">{item.code}</td>
                    <td>{item.reason}</td>
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
