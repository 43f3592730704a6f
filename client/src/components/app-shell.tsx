import { A, useMatch } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { useCurrentUser } from '../session';
import { FolderChangeListener } from './folder-change-listener';
import { LiveAnnouncer } from './live-announcer';
import { LiveConnectionStatus } from './live-connection-status';
import { UserMenu } from './user-menu';

/** Header, main navigation and the main landmark around every signed-in page. */
export function AppShell(props: { children: JSX.Element }) {
  let main!: HTMLElement;
  const onHome = useMatch(() => '/');
  const inFolders = useMatch(() => '/folders/*');
  const inCases = useMatch(() => '/cases/*');
  const foldersSectionIsCurrent = () => Boolean(onHome() || inFolders() || inCases());
  const user = useCurrentUser();

  const skipToContent = (event: MouseEvent) => {
    event.preventDefault();
    main.focus();
  };

  return (
    <div class="app">
      <a class="skip-link" href="#main" onClick={skipToContent}>
        Skip to main content
      </a>
      <header class="app-header">
        <div class="app-header-inner">
          <A href="/" class="brand" aria-label="Lightbox — My folders">
            <span class="brand-mark" aria-hidden="true" />
            Lightbox
          </A>
          <nav class="main-nav" aria-label="Main">
            <ul>
              <li>
                <A href="/" end activeClass="is-current" classList={{ 'is-current': foldersSectionIsCurrent() }}>
                  My folders
                </A>
              </li>
              <Show when={user().isAdmin}>
                <li>
                  <A href="/admin/ingest" activeClass="is-current">
                    Ingest
                  </A>
                </li>
                <li>
                  <A href="/admin/nodes" activeClass="is-current">
                    Sending nodes
                  </A>
                </li>
              </Show>
            </ul>
          </nav>
          <UserMenu />
        </div>
      </header>
      <LiveAnnouncer>
        <FolderChangeListener />
        <main id="main" ref={main} tabIndex={-1} class="app-main">
          {props.children}
        </main>
        <footer class="app-footer">
          <div class="app-footer-inner">
            <LiveConnectionStatus />
            <p>Lightbox teaching archive · cases are anonymised before they arrive</p>
          </div>
        </footer>
      </LiveAnnouncer>
    </div>
  );
}
