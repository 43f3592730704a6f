import { createContext, createSignal, onCleanup, useContext, type Accessor, type JSX } from 'solid-js';
import { createLightboxClient, type LightboxClient } from './graphql/client';
import type { CurrentUser } from './graphql/types';

interface SessionControls {
  /** The GraphQL client of the current session. */
  lightbox: Accessor<LightboxClient>;
  /**
   * Starts a fresh session at `path`: drops every cached result and the live socket, so nothing
   * from one person's session survives into the next (reading-room workstations are shared).
   */
  restartSessionAt(path: string, options?: { replace?: boolean }): void;
}

const SessionContext = createContext<SessionControls>();

export function SessionProvider(props: { children: JSX.Element }) {
  const newClient = (): LightboxClient =>
    createLightboxClient({
      onUnauthenticated() {
        if (window.location.pathname === '/signin') return;
        const here = window.location.pathname + window.location.search;
        restartSessionAt(`/signin?next=${encodeURIComponent(here)}`, { replace: true });
      },
    });
  const [lightbox, setLightbox] = createSignal(newClient());
  onCleanup(() => lightbox().dispose());

  function restartSessionAt(path: string, options: { replace?: boolean } = {}) {
    if (options.replace) window.history.replaceState(null, '', path);
    else window.history.pushState(null, '', path);
    lightbox().dispose();
    setLightbox(newClient());
  }

  return (
    <SessionContext.Provider value={{ lightbox, restartSessionAt }}>{props.children}</SessionContext.Provider>
  );
}

export function useSession(): SessionControls {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

const CurrentUserContext = createContext<Accessor<CurrentUser>>();

export const CurrentUserProvider = CurrentUserContext.Provider;

/** The signed-in user; only available inside the signed-in shell. */
export function useCurrentUser(): Accessor<CurrentUser> {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser must be used inside the signed-in shell');
  return user;
}

/** Only same-site paths are allowed as a post-sign-in destination (no open redirects). */
export function safeReturnPath(candidate: string | null | undefined): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) {
    return '/';
  }
  if (candidate.startsWith('/signin')) return '/';
  return candidate;
}
