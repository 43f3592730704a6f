import { createQuery } from '@urql/solid';
import { createMemo, For, Match, Show, Switch } from 'solid-js';
import { describeEventType, describeSource, formatDateTime } from '../format';
import { AUDIT_ENTRIES_SHOWN, AuditTrailQuery } from '../graphql/operations';
import type { AuditEntry } from '../graphql/types';
import { ErrorMessage, LoadingMessage } from './status-messages';

const auditContext = { additionalTypenames: ['AuditEntry'] };

function actorLabel(entry: AuditEntry): string {
  if (entry.actorName) return entry.actorName;
  return entry.actorId ? 'Former or erased user' : 'System';
}

/** "Who did what, when, from where" for one event stream, newest first. */
export function AuditPanel(props: { streamId: string; subject: string }) {
  const [result, reexecute] = createQuery({
    query: AuditTrailQuery,
    variables: () => ({ streamId: props.streamId, first: AUDIT_ENTRIES_SHOWN }),
    context: auditContext,
  });
  const entries = createMemo(() => [...(result.data?.auditTrail ?? [])].sort((a, b) => b.revision - a.revision));

  return (
    <section class="panel audit-panel" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit</h2>
      <p class="panel-lede">Every change to this {props.subject}, with who made it and from where.</p>
      <Switch fallback={<LoadingMessage>Loading the audit trail…</LoadingMessage>}>
        <Match when={result.data}>
          <Show when={entries().length > 0} fallback={<p class="empty-state">No recorded changes yet.</p>}>
            <table class="audit-table">
              <caption class="visually-hidden">Audit trail, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">From</th>
                </tr>
              </thead>
              <tbody>
                <For each={entries()}>
                  {(entry) => (
                    <tr>
                      <td class="audit-when">
                        <time datetime={entry.at}>{formatDateTime(entry.at)}</time>
                      </td>
                      <td>{actorLabel(entry)}</td>
                      <td>{describeEventType(entry.type)}</td>
                      <td>{describeSource(entry.source)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <Show when={entries().length >= AUDIT_ENTRIES_SHOWN}>
              <p class="panel-footnote">Showing the latest {AUDIT_ENTRIES_SHOWN} changes.</p>
            </Show>
          </Show>
        </Match>
        <Match when={result.error}>
          <ErrorMessage
            title="The audit trail could not be loaded"
            error={result.error}
            onRetry={() => reexecute({ requestPolicy: 'network-only' })}
          />
        </Match>
      </Switch>
    </section>
  );
}
