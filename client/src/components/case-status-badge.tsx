import { Match, Switch } from 'solid-js';
import { pluralise } from '../format';
import type { CaseSummary } from '../graphql/types';

type StatusFacts = Pick<CaseSummary, 'status' | 'heldReason' | 'missingInstances'>;

/** "Held" (with the sender's reason) or "Partial — N instances missing"; nothing for a complete case. */
export function CaseStatusBadge(props: { case: StatusFacts; showReason?: boolean }) {
  return (
    <Switch>
      <Match when={props.case.status === 'HELD'}>
        <span class="status-badge status-held">
          Held
          {props.showReason && props.case.heldReason ? <span class="status-reason"> — {props.case.heldReason}</span> : null}
        </span>
      </Match>
      <Match when={props.case.status === 'PARTIAL'}>
        <span class="status-badge status-partial">
          Partial — {pluralise(props.case.missingInstances.length, 'instance')} missing
        </span>
      </Match>
    </Switch>
  );
}
