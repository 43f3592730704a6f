import { createQuery } from '@urql/solid';
import { createMemo, createSignal, Match, Show, Switch } from 'solid-js';
import { AdminOnly } from '../components/admin-only';
import { AddNodeForm } from '../components/admin/add-node-form';
import { SendingNodeTable } from '../components/admin/sending-node-table';
import { StowTokenNotice } from '../components/admin/stow-token-notice';
import { PageHeading } from '../components/page-heading';
import { ErrorMessage, LoadingMessage } from '../components/status-messages';
import { sendingNodeMutationContext, SendingNodesQuery } from '../graphql/admin-operations';
import type { SendingNode } from '../graphql/admin-types';

function SendingNodesView() {
  const [result, reexecute] = createQuery({ query: SendingNodesQuery, context: sendingNodeMutationContext });
  const [justAdded, setJustAdded] = createSignal<{ node: SendingNode; token: string }>();
  const nodes = createMemo(() =>
    [...(result.data?.sendingNodes ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' })),
  );

  return (
    <div class="page">
      <div class="page-header">
        <PageHeading title="Sending nodes" />
        <p class="page-lede">
          The hospital PACS and Export Managers allowed to send cases, by AE title and address. Each one also gets a
          token for STOW-RS.
        </p>
      </div>
      <Show when={justAdded()}>
        {(added) => (
          <StowTokenNotice
            node={added().node}
            token={added().token}
            onDismiss={() => {
              setJustAdded(undefined);
              document.getElementById('node-name')?.focus();
            }}
          />
        )}
      </Show>
      <div class="admin-stack">
        <section class="panel" aria-labelledby="nodes-heading">
          <h2 id="nodes-heading">Registered nodes</h2>
          <Switch fallback={<LoadingMessage>Loading sending nodes…</LoadingMessage>}>
            <Match when={result.data}>
              <SendingNodeTable nodes={nodes()} />
            </Match>
            <Match when={result.error}>
              <ErrorMessage
                title="The sending nodes could not be loaded"
                error={result.error}
                onRetry={() => reexecute({ requestPolicy: 'network-only' })}
              />
            </Match>
          </Switch>
        </section>
        <AddNodeForm onAdded={(node, token) => setJustAdded({ node, token })} />
      </div>
    </div>
  );
}

export function AdminNodesPage() {
  return (
    <AdminOnly>
      <SendingNodesView />
    </AdminOnly>
  );
}
