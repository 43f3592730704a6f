import { createQuery, createSubscription } from '@urql/solid';
import { createEffect, createSignal, Match, on, onCleanup, Show, Switch } from 'solid-js';
import { AdminOnly } from '../components/admin-only';
import { AssociationTable } from '../components/admin/association-table';
import { CalledAeRoutes } from '../components/admin/called-ae-routes';
import { PendingSubmissions } from '../components/admin/pending-submissions';
import { QuarantineTable } from '../components/admin/quarantine-table';
import { RefusedInstancesTable } from '../components/admin/refused-instances-table';
import { useAnnounce } from '../components/live-announcer';
import { PageHeading } from '../components/page-heading';
import { ErrorMessage, LoadingMessage } from '../components/status-messages';
import { formatDateTime, pluralise } from '../format';
import { IngestChangedSubscription, IngestStatusQuery } from '../graphql/admin-operations';
import type { IngestStatus } from '../graphql/admin-types';

/** At most one re-query per this many milliseconds, however busy the receiver is. */
const REFRESH_AT_MOST_EVERY_MS = 1_000;

function IngestSummary(props: { status: IngestStatus }) {
  const refusedAssociations = () => props.status.recentAssociations.filter((a) => a.outcome === 'refused').length;
  const items = () => [
    { href: '#pending-heading', count: props.status.pendingSubmissions.length, label: 'pending', alert: false },
    { href: '#quarantine-heading', count: props.status.quarantined.length, label: 'in quarantine', alert: props.status.quarantined.length > 0 },
    { href: '#associations-heading', count: refusedAssociations(), label: 'refused associations', alert: refusedAssociations() > 0 },
    { href: '#refused-heading', count: props.status.refusedInstances.length, label: 'refused instances', alert: props.status.refusedInstances.length > 0 },
  ];
  return (
    <ul class="summary-strip" aria-label="At a glance">
      {items().map((item) => (
        <li classList={{ 'needs-attention': item.alert }}>
          <a href={item.href}>
            <span class="summary-count">{item.count}</span> {item.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Re-queries the ingest status on each `ingestChanged` event, throttled, and reads out new problems. */
function useLiveIngestStatus() {
  const announce = useAnnounce();
  const [result, reexecute] = createQuery({ query: IngestStatusQuery, requestPolicy: 'cache-and-network' });
  const [updatedAt, setUpdatedAt] = createSignal(new Date().toISOString());
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRefresh = 0;

  const refreshSoon = () => {
    if (timer) return;
    const wait = Math.max(0, lastRefresh + REFRESH_AT_MOST_EVERY_MS - Date.now());
    timer = setTimeout(() => {
      timer = undefined;
      lastRefresh = Date.now();
      reexecute({ requestPolicy: 'network-only' });
    }, wait);
  };
  onCleanup(() => clearTimeout(timer));

  createSubscription<{ ingestChanged: string }, number>({ query: IngestChangedSubscription }, (seen = 0) => {
    refreshSoon();
    return seen + 1;
  });

  createEffect(
    on(
      () => result.data?.ingestStatus,
      (status, previous) => {
        if (!status) return;
        setUpdatedAt(new Date().toISOString());
        if (!previous) return;
        const newlyQuarantined = status.quarantined.length - previous.quarantined.length;
        const refused = (s: IngestStatus) => s.recentAssociations.filter((a) => a.outcome === 'refused').length;
        const newlyRefused = refused(status) - refused(previous);
        const news: string[] = [];
        if (newlyQuarantined > 0) news.push(`${pluralise(newlyQuarantined, 'new object')} in quarantine.`);
        if (newlyRefused > 0) news.push(`${pluralise(newlyRefused, 'association')} refused.`);
        if (news.length > 0) announce(news.join(' '));
      },
    ),
  );
  return { result, reexecute, updatedAt };
}

function IngestStatusView() {
  const { result, reexecute, updatedAt } = useLiveIngestStatus();
  return (
    <div class="page">
      <div class="page-header">
        <PageHeading title="Ingest" />
        <p class="page-lede">
          What the DICOM receiver is doing: submissions waiting for images, objects kept in quarantine, and every
          connection from a sender. This page updates by itself.
        </p>
        <Show when={result.data}>
          <p class="updated-at">
            Last updated <time datetime={updatedAt()}>{formatDateTime(updatedAt())}</time>
          </p>
        </Show>
      </div>
      <Switch fallback={<LoadingMessage>Loading the receiver’s status…</LoadingMessage>}>
        <Match when={result.data?.ingestStatus}>
          {(status) => (
            <>
              <IngestSummary status={status()} />
              <div class="admin-stack">
                <PendingSubmissions submissions={status().pendingSubmissions} />
                <QuarantineTable instances={status().quarantined} />
                <AssociationTable associations={status().recentAssociations} />
                <RefusedInstancesTable refused={status().refusedInstances} />
                <CalledAeRoutes routes={status().calledAeRoutes} />
              </div>
            </>
          )}
        </Match>
        <Match when={result.error}>
          <ErrorMessage
            title="The receiver’s status could not be loaded"
            error={result.error}
            onRetry={() => reexecute({ requestPolicy: 'network-only' })}
          />
        </Match>
      </Switch>
    </div>
  );
}

export function AdminIngestPage() {
  return (
    <AdminOnly>
      <IngestStatusView />
    </AdminOnly>
  );
}
