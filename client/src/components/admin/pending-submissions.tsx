import { For, Show } from 'solid-js';
import { describeEventType, formatDateTime, pluralise } from '../../format';
import type { PendingSubmission } from '../../graphql/admin-types';
import { CollapsibleUidList } from '../uid-list';

/** TCE submissions still collecting instances, held by the sender, or built partial. */
export function PendingSubmissions(props: { submissions: PendingSubmission[] }) {
  return (
    <section class="panel" aria-labelledby="pending-heading">
      <h2 id="pending-heading">Pending submissions</h2>
      <p class="panel-lede">Manifests waiting for their instances, cases held by the sender, and partial cases.</p>
      <Show
        when={props.submissions.length > 0}
        fallback={<p class="empty-state">Nothing pending: every manifest received has all its instances.</p>}
      >
        <ul class="record-list">
          <For each={props.submissions}>
            {(submission) => (
              <li class="record" data-status={submission.status}>
                <p class="record-title">
                  <span class="status-badge" data-status={submission.status}>
                    {describeEventType(submission.status)}
                  </span>
                  <span>{submission.purpose ?? 'No purpose given'}</span>
                </p>
                <Show when={submission.heldReason}>
                  <p class="record-warning">Held by the sender: {submission.heldReason}</p>
                </Show>
                <dl class="record-facts">
                  <div>
                    <dt>Received</dt>
                    <dd class="tabular">
                      {submission.receivedCount} of {submission.expectedCount}
                    </dd>
                  </div>
                  <div>
                    <dt>Opened</dt>
                    <dd>
                      <time datetime={submission.openedAt}>{formatDateTime(submission.openedAt)}</time>
                    </dd>
                  </div>
                  <div>
                    <dt>Last activity</dt>
                    <dd>
                      <time datetime={submission.lastActivityAt}>{formatDateTime(submission.lastActivityAt)}</time>
                    </dd>
                  </div>
                  <div class="record-fact-wide">
                    <dt>{submission.manifests.length === 1 ? 'Manifest' : 'Manifests'}</dt>
                    <For each={submission.manifests}>{(uid) => <dd class="uid">{uid}</dd>}</For>
                  </div>
                </dl>
                <Show when={submission.missing.length > 0}>
                  <p class="record-missing">{pluralise(submission.missing.length, 'instance')} missing</p>
                  <CollapsibleUidList uids={submission.missing} noun="missing SOP Instance UID" />
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
