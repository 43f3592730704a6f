import { For, Show } from 'solid-js';
import { describeRoutingOutcome, describeRoutingRule, formatDateTime } from '../../format';
import type { CaseDetail } from '../../graphql/case-types';

/** Who wrote the teaching content (ATFI author, or the KOS observer); "Erased" once erased. */
export function CaseAuthorPanel(props: { case: CaseDetail }) {
  return (
    <section class="panel" aria-labelledby="author-heading">
      <h2 id="author-heading">Author</h2>
      <Show when={props.case.author} fallback={<p class="muted">Erased — this person asked for their details to be removed.</p>}>
        {(author) => (
          <dl class="fact-list">
            <div>
              <dt>Name</dt>
              <dd>{author().name}</dd>
            </div>
            <Show when={author().gmcNumber}>
              <div>
                <dt>GMC number</dt>
                <dd class="tabular">{author().gmcNumber}</dd>
              </div>
            </Show>
            <Show when={author().affiliation.length > 0}>
              <div>
                <dt>Affiliation</dt>
                <For each={author().affiliation}>{(line) => <dd>{line}</dd>}</For>
              </div>
            </Show>
            <Show when={author().contact.length > 0}>
              <div>
                <dt>Contact</dt>
                <For each={author().contact}>{(line) => <dd class="break-anywhere">{line}</dd>}</For>
              </div>
            </Show>
          </dl>
        )}
      </Show>
      <Show when={props.case.submitterNote}>
        {(note) => (
          <>
            <h3 class="subheading">Submitter note</h3>
            <p class="panel-lede">Sent with the images (Key Object Description), shown exactly as written.</p>
            <pre class="submitter-note">{note()}</pre>
          </>
        )}
      </Show>
    </section>
  );
}

/** How the case arrived and why it was filed where it is: kept with the case, never in the DICOM. */
export function CaseArrivalPanel(props: { case: CaseDetail }) {
  const sender = () => props.case.sender;
  return (
    <section class="panel" aria-labelledby="arrival-heading">
      <h2 id="arrival-heading">How it arrived</h2>
      <dl class="fact-list fact-list-grid">
        <div>
          <dt>Transport</dt>
          <dd>{sender().transport}</dd>
        </div>
        <div>
          <dt>Sending node</dt>
          <dd>{sender().node?.name ?? 'Not a registered node'}</dd>
        </div>
        <div>
          <dt>Calling AE</dt>
          <dd class="mono">{sender().callingAet || '—'}</dd>
        </div>
        <div>
          <dt>Called AE</dt>
          <dd class="mono">{sender().calledAet || '—'}</dd>
        </div>
        <div>
          <dt>Peer address</dt>
          <dd class="mono break-anywhere">{sender().peerAddress || '—'}</dd>
        </div>
        <div>
          <dt>Received</dt>
          <dd>
            <time datetime={props.case.submittedAt}>{formatDateTime(props.case.submittedAt)}</time>
          </dd>
        </div>
      </dl>
      <h3 class="subheading" id="routing-heading">
        Why this folder
      </h3>
      <p class="routing-rule">
        <span class="badge">{describeRoutingRule(props.case.routing.rule)}</span>
      </p>
      <p class="routing-reason">{props.case.routing.reason}</p>
      <Show when={props.case.routing.steps.length > 0}>
        <details class="routing-steps">
          <summary>Every rule tried, in order</summary>
          <ol>
            <For each={props.case.routing.steps}>
              {(step) => (
                <li data-outcome={step.outcome}>
                  <span class="routing-step-rule">{describeRoutingRule(step.rule)}</span>
                  <span class="routing-step-outcome">{describeRoutingOutcome(step.outcome)}</span>
                  <span class="routing-step-detail">{step.detail}</span>
                </li>
              )}
            </For>
          </ol>
        </details>
      </Show>
    </section>
  );
}
