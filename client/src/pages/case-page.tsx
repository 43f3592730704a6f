import { A, useParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { Show } from 'solid-js';
import { AuditPanel } from '../components/audit-panel';
import { Breadcrumbs, type Crumb } from '../components/breadcrumbs';
import { CaseChangeListener } from '../components/case/case-change-listener';
import { CaseArrivalPanel, CaseAuthorPanel } from '../components/case/case-provenance';
import { CaseReviewWarnings, CaseStatusBanner } from '../components/case/case-status-banner';
import { ClaimCasePanel } from '../components/case/claim-case-panel';
import { SeriesTable } from '../components/case/series-table';
import { TeachingContent } from '../components/case/teaching-content';
import { CaseStatusBadge } from '../components/case-status-badge';
import { PageHeading } from '../components/page-heading';
import { QueryResult } from '../components/query-result';
import { formatDateTime, imagingModalities } from '../format';
import { CaseQuery } from '../graphql/case-operations';
import type { CaseDetail } from '../graphql/case-types';

function trailFor(c: CaseDetail): Crumb[] {
  const trail: Crumb[] = [{ label: 'My folders', href: '/' }];
  if (c.folder) trail.push({ label: c.folder.name, href: `/folders/${encodeURIComponent(c.folder.id)}` });
  return trail;
}

function CaseFacts(props: { case: CaseDetail }) {
  return (
    <dl class="folder-facts">
      <div>
        <dt>Folder</dt>
        <dd>
          <Show when={props.case.folder} fallback="Not filed">
            {(folder) => <A href={`/folders/${encodeURIComponent(folder().id)}`}>{folder().name}</A>}
          </Show>
        </dd>
      </div>
      <div>
        <dt>Modalities</dt>
        <dd>{imagingModalities(props.case.modalities).join(', ') || '—'}</dd>
      </div>
      <Show when={props.case.bodyParts.length > 0}>
        <div>
          <dt>Body parts</dt>
          <dd>{props.case.bodyParts.join(', ')}</dd>
        </div>
      </Show>
      <div>
        <dt>Received</dt>
        <dd>
          <time datetime={props.case.submittedAt}>{formatDateTime(props.case.submittedAt)}</time>
        </dd>
      </div>
      <Show when={props.case.updatedAt !== props.case.submittedAt}>
        <div>
          <dt>Last changed</dt>
          <dd>
            <time datetime={props.case.updatedAt}>{formatDateTime(props.case.updatedAt)}</time>
          </dd>
        </div>
      </Show>
      <Show when={props.case.purpose}>
        <div>
          <dt>Purpose</dt>
          <dd>{props.case.purpose}</dd>
        </div>
      </Show>
    </dl>
  );
}

function CaseView(props: { case: CaseDetail }) {
  const focusHeading = () => document.querySelector<HTMLElement>('h1.page-heading')?.focus();
  return (
    <div class="page">
      <Breadcrumbs trail={trailFor(props.case)} current={props.case.title} />
      <div class="page-header">
        <div class="page-title-row">
          <PageHeading title={props.case.title} />
          <CaseStatusBadge case={props.case} />
        </div>
        <CaseFacts case={props.case} />
      </div>
      <CaseStatusBanner case={props.case} />
      <CaseReviewWarnings case={props.case} />
      <Show when={props.case.canClaim}>
        <ClaimCasePanel caseId={props.case.id} onClaimed={focusHeading} />
      </Show>
      <div class="case-layout">
        <div class="case-main">
          <TeachingContent case={props.case} />
          <section class="panel" aria-labelledby="images-heading">
            <h2 id="images-heading">Images</h2>
            <p class="panel-lede">The image viewer is coming soon. These are the series this case holds.</p>
            <SeriesTable series={props.case.series} />
          </section>
        </div>
        <div class="case-side">
          <CaseAuthorPanel case={props.case} />
          <CaseArrivalPanel case={props.case} />
          <AuditPanel streamId={props.case.streamId} subject="case" emptyMessage="No recorded changes to show." />
        </div>
      </div>
    </div>
  );
}

function CaseNotFound() {
  return (
    <div class="page page-narrow">
      <Breadcrumbs trail={[{ label: 'My folders', href: '/' }]} current="Case not found" />
      <PageHeading title="Case not found" />
      <p>This case does not exist, or it is in a folder you cannot see. Ask the folder’s owner to share it with you.</p>
      <p>
        <A href="/" class="button button-secondary">
          Back to My folders
        </A>
      </p>
    </div>
  );
}

function CaseLoader(props: { id: string }) {
  const [result, reexecute] = createQuery({ query: CaseQuery, variables: () => ({ id: props.id }) });
  return (
    <>
      <CaseChangeListener caseId={props.id} />
      <QueryResult
        value={result.data?.case}
        error={result.error}
        retry={reexecute}
        loading="Opening case…"
        failure="This case could not be opened"
        notFound={<CaseNotFound />}
      >
        {(found) => <CaseView case={found} />}
      </QueryResult>
    </>
  );
}

export function CasePage() {
  const params = useParams<{ id: string }>();
  return (
    <Show when={params.id} keyed>
      {(id) => <CaseLoader id={id} />}
    </Show>
  );
}
