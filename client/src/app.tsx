import { Route, Router } from '@solidjs/router';
import { Provider } from '@urql/solid';
import { Show } from 'solid-js';
import { SignedInShell } from './components/signed-in-shell';
import { FolderPage } from './pages/folder-page';
import { MyFoldersPage } from './pages/my-folders-page';
import { NotFoundPage } from './pages/not-found-page';
import { SignInPage } from './pages/sign-in-page';
import { SessionProvider, useSession } from './session';

/**
 * A new session (sign-in, sign-out) mounts a new client and router, so no state leaks across people.
 * Everything except /signin sits in the signed-in shell (header, nav, live updates); future sections
 * (cases, viewer, meetings, exams, admin) go next to /folders/:id.
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
