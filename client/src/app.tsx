import { Route, Router } from '@solidjs/router';
import { Provider } from '@urql/solid';
import { Show } from 'solid-js';
import { SignedInShell } from './components/signed-in-shell';
import { AdminIngestPage } from './pages/admin-ingest-page';
import { AdminNodesPage } from './pages/admin-nodes-page';
import { CasePage } from './pages/case-page';
import { FolderPage } from './pages/folder-page';
import { MyFoldersPage } from './pages/my-folders-page';
import { NotFoundPage } from './pages/not-found-page';
import { SignInPage } from './pages/sign-in-page';
import { SessionProvider, useSession } from './session';

/**
 * A new session (sign-in, sign-out) mounts a new client and router, so no state leaks across people.
 * Everything except /signin sits in the signed-in shell (header, nav, live updates); future sections
 * (viewer, meetings, exams) go next to /folders/:id and /cases/:id. Admin pages check `isAdmin` themselves.
 */
function SessionScopedApp() {
  const { lightbox } = useSession();
  return (
    <Show when={lightbox()} keyed>
      {(session) => (
        <Provider value={session.client}>
          <Router>
            <Route path="/signin" component={SignInPage} />
            <Route path="/" component={SignedInShell}>
              <Route path="/" component={MyFoldersPage} />
              <Route path="/folders/:id" component={FolderPage} />
              <Route path="/cases/:id" component={CasePage} />
              <Route path="/admin/ingest" component={AdminIngestPage} />
              <Route path="/admin/nodes" component={AdminNodesPage} />
              <Route path="*404" component={NotFoundPage} />
            </Route>
          </Router>
        </Provider>
      )}
    </Show>
  );
}

export function App() {
  return (
    <SessionProvider>
      <SessionScopedApp />
    </SessionProvider>
  );
}
