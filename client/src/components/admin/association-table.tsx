import { For, Show } from 'solid-js';
import { describeTransport, formatBytes, formatDateTime } from '../../format';
import type { DicomAssociation } from '../../graphql/admin-types';
import { TableScroll } from '../table-scroll';

const OUTCOME_LABELS: Record<string, string> = { completed: 'Completed', aborted: 'Aborted', refused: 'Refused' };

/** The latest DICOM associations and STOW-RS requests, newest first. */
export function AssociationTable(props: { associations: DicomAssociation[] }) {
  return (
    <section class="panel" aria-labelledby="associations-heading">
      <h2 id="associations-heading">Recent associations</h2>
      <p class="panel-lede">Every connection from a sender, including the ones Lightbox refused.</p>
      <Show
        when={props.associations.length > 0}
        fallback={<p class="empty-state">No sender has connected yet.</p>}
      >
        <TableScroll label="Recent associations">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Transport</th>
                <th scope="col">Calling → called AE</th>
                <th scope="col">Peer address</th>
                <th scope="col">Outcome</th>
                <th scope="col" class="numeric">Stored</th>
                <th scope="col" class="numeric">Failed</th>
                <th scope="col" class="numeric">Data</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.associations}>
                {(association) => (
                  <tr data-outcome={association.outcome}>
                    <td class="nowrap">
                      <time datetime={association.openedAt}>{formatDateTime(association.openedAt)}</time>
                    </td>
                    <td class="nowrap">{describeTransport(association.transport)}</td>
                    <td class="mono nowrap">
                      {association.callingAet} <span aria-label="to">→</span> {association.calledAet}
                    </td>
                    <td class="mono">{association.peerAddress}</td>
                    <td>
                      <span class="outcome" data-outcome={association.outcome}>
                        {OUTCOME_LABELS[association.outcome] ?? association.outcome}
                      </span>
                      <Show when={association.reason}>
                        <span class="cell-note">{association.reason}</span>
                      </Show>
                    </td>
                    <td class="numeric">{association.stored}</td>
                    <td class="numeric" classList={{ 'has-failures': association.failed > 0 }}>
                      {association.failed}
                    </td>
                    <td class="numeric nowrap">{formatBytes(association.bytes)}</td>
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
