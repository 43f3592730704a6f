import { createQuery } from '@urql/solid';
import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { pluralise } from '../format';
import { humanErrorMessage } from '../graphql/errors';
import { CASES_PAGE_SIZE, FolderCasesPageQuery } from '../graphql/operations';
import type { CaseConnection, PageInfo } from '../graphql/types';
import { useAnnounce } from './live-announcer';

interface LoadedPage {
  pageInfo: PageInfo;
  count: number;
}

function CaseItem(props: { title: string; focusOnMount?: boolean }) {
  let item!: HTMLLIElement;
  createEffect(() => {
    if (props.focusOnMount) item.focus();
  });
  return (
    <li ref={item} class="case-item" tabIndex={props.focusOnMount ? -1 : undefined}>
      <span class="case-icon" aria-hidden="true" />
      <span class="case-title">{props.title}</span>
    </li>
  );
}

/** One "Load more" page: its own query, so the document cache keeps it live like the first page. */
function LaterCasesPage(props: { folderId: string; after: string; onLoaded(page: LoadedPage): void; onFailed(message: string): void }) {
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
          props.onLoaded({ pageInfo: cases.pageInfo, count: cases.edges.length });
          firstLoad = false;
        } else if (error) props.onFailed(humanErrorMessage(error));
      },
    ),
  );
  return (
    <For each={result.data?.folder?.cases.edges ?? []}>
      {(edge, index) => <CaseItem title={edge.node.title} focusOnMount={firstLoad && index() === 0} />}
    </For>
  );
}

/** A folder's cases: the first page comes with the folder, later pages on "Load more". */
export function CaseList(props: { folderId: string; firstPage: CaseConnection }) {
  const announce = useAnnounce();
  const [laterCursors, setLaterCursors] = createSignal<string[]>([]);
  const [loadedPages, setLoadedPages] = createStore<Record<string, LoadedPage>>({});
  const [pageError, setPageError] = createSignal<string>();

  const lastPageInfo = createMemo((): PageInfo | undefined => {
    const last = laterCursors().at(-1);
    return last === undefined ? props.firstPage.pageInfo : loadedPages[last]?.pageInfo;
  });
  const loadingMore = () => laterCursors().length > 0 && lastPageInfo() === undefined && !pageError();
  const shownCount = () =>
    props.firstPage.edges.length + laterCursors().reduce((sum, cursor) => sum + (loadedPages[cursor]?.count ?? 0), 0);

  const loadMore = () => {
    const info = lastPageInfo();
    if (loadingMore() || !info?.hasNextPage || !info.endCursor) return;
    setPageError(undefined);
    setLaterCursors([...laterCursors(), info.endCursor]);
  };

  const recordPage = (cursor: string, page: LoadedPage) => {
    const isNew = loadedPages[cursor] === undefined;
    setLoadedPages(cursor, page);
    if (isNew) {
      announce(`${pluralise(page.count, 'more case')} loaded. Showing ${shownCount()} of ${props.firstPage.totalCount}.`);
    }
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
        <For each={props.firstPage.edges}>{(edge) => <CaseItem title={edge.node.title} />}</For>
        <For each={laterCursors()}>
          {(cursor) => (
            <LaterCasesPage
              folderId={props.folderId}
              after={cursor}
              onLoaded={(page) => recordPage(cursor, page)}
              onFailed={(message) => {
                setLaterCursors(laterCursors().filter((other) => other !== cursor));
                setPageError(message);
              }}
            />
          )}
        </For>
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
