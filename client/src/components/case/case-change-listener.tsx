import { createSubscription } from '@urql/solid';
import { CaseChangedSubscription, TYPENAMES_CHANGED_BY_CASE_EVENTS } from '../../graphql/case-operations';
import type { CaseStatus } from '../../graphql/case-types';
import { useAnnounce } from '../live-announcer';

const subscriptionContext = { additionalTypenames: TYPENAMES_CHANGED_BY_CASE_EVENTS };

const STATUS_SENTENCES: Record<CaseStatus, string> = {
  COMPLETE: 'This case was updated: it is complete.',
  PARTIAL: 'This case was updated: some instances are still missing.',
  HELD: 'This case was updated: it is held by the sender.',
};

/** Keeps the case page live: each `caseChanged` event re-runs the case query and its audit trail. */
export function CaseChangeListener(props: { caseId: string }) {
  const announce = useAnnounce();
  createSubscription<{ caseChanged: { id: string; status: CaseStatus; title: string } }, number>(
    { query: CaseChangedSubscription, variables: { id: props.caseId }, context: subscriptionContext },
    (eventsSeen = 0, data) => {
      announce(STATUS_SENTENCES[data.caseChanged.status] ?? 'This case was updated.');
      return eventsSeen + 1;
    },
  );
  return null;
}
