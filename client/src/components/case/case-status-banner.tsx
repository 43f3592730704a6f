import { For, Show } from 'solid-js';
import { pluralise } from '../../format';
import type { CaseDetail } from '../../graphql/case-types';
import { CollapsibleUidList } from '../uid-list';

/** Held or partial: what is wrong with the case and what happens next. */
export function CaseStatusBanner(props: { case: CaseDetail }) {
  return (
    <>
      <Show when={props.case.status === 'HELD'}>
        <div class="notice notice-warning case-banner" role="note" aria-label="Case status">
          <p class="notice-title">Held by the sender: {props.case.heldReason ?? 'no reason given'}</p>
          <p>
            The case stays unpublished until the sender releases it by sending a later manifest for the same
            images.
          </p>
        </div>
      </Show>
      <Show when={props.case.status === 'PARTIAL'}>
        <div class="notice notice-warning case-banner" role="note" aria-label="Case status">
          <p class="notice-title">
            Partial: {pluralise(props.case.missingInstances.length, 'instance')} listed in the manifest{' '}
            {props.case.missingInstances.length === 1 ? 'has' : 'have'} not arrived
          </p>
          <p>Instances that arrive later are added to this case automatically.</p>
          <CollapsibleUidList uids={props.case.missingInstances} noun="missing SOP Instance UID" />
        </div>
      </Show>
    </>
  );
}

/** Things to check before teaching with the case: burned-in annotation and possible PHI in the text. */
export function CaseReviewWarnings(props: { case: CaseDetail }) {
  const hasWarnings = () => props.case.phiWarnings.length > 0 || props.case.pixelReviewInstances.length > 0;
  return (
    <Show when={hasWarnings()}>
      <section class="notice notice-warning case-banner" aria-labelledby="review-heading">
        <h2 id="review-heading" class="notice-title">
          Check before teaching
        </h2>
        <Show when={props.case.pixelReviewInstances.length > 0}>
          <p>
            {pluralise(props.case.pixelReviewInstances.length, 'image')}{' '}
            {props.case.pixelReviewInstances.length === 1 ? 'is' : 'are'} marked “Burned In Annotation”: look at
            the pixels for names, dates or hospital numbers before showing {props.case.pixelReviewInstances.length === 1 ? 'it' : 'them'}.
          </p>
          <CollapsibleUidList uids={props.case.pixelReviewInstances} noun="flagged SOP Instance UID" />
        </Show>
        <Show when={props.case.phiWarnings.length > 0}>
          <p>The text sent with the case may contain personal details:</p>
          <ul class="warning-list">
            <For each={props.case.phiWarnings}>{(warning) => <li>{warning}</li>}</For>
          </ul>
        </Show>
      </section>
    </Show>
  );
}
