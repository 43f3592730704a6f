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
export function AuditPanel(props: { streamId: string; subject: string; emptyMessage?: string }) {
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
          <Show when={entries().length > 0} fallback={<p class="empty-state">{props.emptyMessage ?? 'No recorded changes yet.'}</p>}>
            <ol class="audit-list" aria-label="Changes, newest first">
              <For each={entries()}>
                {(entry) => (
                  <li class="audit-entry">
                    <p class="audit-what">{describeEventType(entry.type)}</p>
                    <p class="audit-meta">
                      <span>
                        by <span class="audit-who">{actorLabel(entry)}</span>
                      </span>
                      <span>via {describeSource(entry.source)}</span>
                      <time datetime={entry.at}>{formatDateTime(entry.at)}</time>
                    </p>
                  </li>
                )}
              </For>
            </ol>
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
