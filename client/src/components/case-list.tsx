import { createQuery } from '@urql/solid';
import { createEffect, createMemo, createSignal, For, on, onMount, Show, type Accessor } from 'solid-js';
import { createStore } from 'solid-js/store';
import { A } from '@solidjs/router';
import { formatDate, imagingModalities, pluralise } from '../format';
import { humanErrorMessage } from '../graphql/errors';
import { CASES_PAGE_SIZE, FolderCasesPageQuery } from '../graphql/operations';
import type { CaseConnection, CaseSummary, PageInfo } from '../graphql/types';
import { CaseStatusBadge } from './case-status-badge';
import { useAnnounce } from './live-announcer';

interface LoadedPage {
  pageInfo: PageInfo;
  count: number;
}

/** One case row: its title links to the case page; status, modalities and arrival date beside it. */
function CaseItem(props: { node: CaseSummary; focusOnMount: boolean }) {
  let link!: HTMLAnchorElement;
  onMount(() => {
    if (props.focusOnMount) link.focus();
  });
  return (
    <li class="case-item" data-status={props.node.status}>
      <span class="case-icon" aria-hidden="true" />
      <div class="case-item-body">
        <A ref={link} href={`/cases/${encodeURIComponent(props.node.id)}`} class="case-title">
          {props.node.title}
        </A>
        <p class="case-item-meta">
          <CaseStatusBadge case={props.node} />
          <Show when={props.node.modalities.length > 0}>
            <span class="case-modalities">
              <span class="visually-hidden">Modalities: </span>
              {imagingModalities(props.node.modalities).join(', ')}
            </span>
          </Show>
          <span>
            Received <time datetime={props.node.submittedAt}>{formatDate(props.node.submittedAt)}</time>
          </span>
        </p>
      </div>
    </li>
  );
}

interface LaterPageProps {
  folderId: string;
  /** The previous page's current end cursor, so pages stay contiguous when the list changes live. */
  after: string;
  /** 1 for the first "Load more" page, 2 for the next… */
  depth: number;
  pagesRequested: Accessor<number>;
  onLoaded(depth: number, page: LoadedPage): void;
  onFailed(depth: number, message: string): void;
}

/** One "Load more" page with its own query (the document cache keeps it live), then the next one. */
function LaterCasesPage(props: LaterPageProps) {
  const [result] = createQuery({
    query: FolderCasesPageQuery,
    variables: () => ({ id: props.folderId, first: CASES_PAGE_SIZE, after: props.after }),
  });
  let firstLoad = true;
  createEffect(
    on(
      () => [result.data, result.error] as const,
      ([data, error]) => {
        const cases = data?.folder?.cases;
        if (cases) {
          props.onLoaded(props.depth, { pageInfo: cases.pageInfo, count: cases.edges.length });
          firstLoad = false;
        } else if (error) props.onFailed(props.depth, humanErrorMessage(error));
      },
    ),
  );
  const cases = () => result.data?.folder?.cases;
  return (
    <>
      <For each={cases()?.edges ?? []}>
        {(edge, index) => {
          const focusOnMount = firstLoad && index() === 0;
          return <CaseItem node={edge.node} focusOnMount={focusOnMount} />;
        }}
      </For>
      <Show when={props.depth < props.pagesRequested() && cases()?.pageInfo.hasNextPage && cases()?.pageInfo.endCursor}>
        {(nextAfter) => <LaterCasesPage {...props} after={nextAfter()} depth={props.depth + 1} />}
      </Show>
    </>
  );
}

/** A folder's cases: the first page comes with the folder, later pages on "Load more". */
export function CaseList(props: { folderId: string; firstPage: CaseConnection }) {
  const announce = useAnnounce();
  const [pagesRequested, setPagesRequested] = createSignal(0);
  const [loadedPages, setLoadedPages] = createStore<Record<number, LoadedPage>>({});
  const [pageError, setPageError] = createSignal<string>();

  const lastPageInfo = createMemo((): PageInfo | undefined => {
    const depth = pagesRequested();
    return depth === 0 ? props.firstPage.pageInfo : loadedPages[depth]?.pageInfo;
  });
  const loadingMore = () => pagesRequested() > 0 && lastPageInfo() === undefined;
  const shownCount = () => {
    let count = props.firstPage.edges.length;
    for (let depth = 1; depth <= pagesRequested(); depth++) count += loadedPages[depth]?.count ?? 0;
    return count;
  };

  const loadMore = () => {
    if (loadingMore() || !lastPageInfo()?.hasNextPage) return;
    setPageError(undefined);
    setPagesRequested(pagesRequested() + 1);
  };

  const recordPage = (depth: number, page: LoadedPage) => {
    const isNew = loadedPages[depth] === undefined;
    setLoadedPages(depth, page);
    if (isNew) {
      announce(`${pluralise(page.count, 'more case')} loaded. Showing ${shownCount()} of ${props.firstPage.totalCount}.`);
    }
  };

  const recordFailure = (depth: number, message: string) => {
    if (loadedPages[depth] === undefined) setPagesRequested(depth - 1);
    setPageError(message);
  };

  return (
    <Show
      when={props.firstPage.totalCount > 0}
      fallback={<p class="empty-state">No cases yet — send a case from your PACS to this folder</p>}
    >
      <p class="list-count">
        Showing {shownCount()} of {pluralise(props.firstPage.totalCount, 'case')}
      </p>
      <ol class="case-list">
        <For each={props.firstPage.edges}>{(edge) => <CaseItem node={edge.node} focusOnMount={false} />}</For>
        <Show when={pagesRequested() > 0 && props.firstPage.pageInfo.endCursor}>
          {(after) => (
            <LaterCasesPage
              folderId={props.folderId}
              after={after()}
              depth={1}
              pagesRequested={pagesRequested}
              onLoaded={recordPage}
              onFailed={recordFailure}
            />
          )}
        </Show>
      </ol>
      <Show when={pageError()}>
        <p class="notice notice-error" role="alert">
          More cases could not be loaded. {pageError()}
        </p>
      </Show>
      <Show when={lastPageInfo()?.hasNextPage || loadingMore()}>
        <button
          type="button"
          class="button button-secondary load-more"
          aria-disabled={loadingMore() ? 'true' : undefined}
          onClick={loadMore}
        >
          {loadingMore() ? 'Loading more cases…' : 'Load more cases'}
        </button>
      </Show>
    </Show>
  );
}
