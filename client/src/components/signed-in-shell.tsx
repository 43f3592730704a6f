import type { RouteSectionProps } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { Match, Switch } from 'solid-js';
import { isUnauthenticated } from '../graphql/errors';
import { MeQuery } from '../graphql/operations';
import { CurrentUserProvider } from '../session';
import { AppShell } from './app-shell';
import { ErrorMessage, LoadingMessage } from './status-messages';

/**
 * Every page behind sign-in. `me` decides: signed in → the app; UNAUTHENTICATED → the client
 * restarts the session at /signin (see SessionProvider); anything else → an error with a retry.
 */
export function SignedInShell(props: RouteSectionProps) {
  const [me, refetchMe] = createQuery({ query: MeQuery });

  return (
    <Switch
      fallback={
        <main class="page-centre">
          <LoadingMessage>Opening Lightbox…</LoadingMessage>
        </main>
      }
    >
      <Match when={me.data?.me}>
        {(user) => (
          <CurrentUserProvider value={user}>
            <AppShell>{props.children}</AppShell>
          </CurrentUserProvider>
        )}
      </Match>
      <Match when={me.error && !isUnauthenticated(me.error)}>
        <main class="page-centre">
          <ErrorMessage
            title="Lightbox could not start"
            error={me.error}
            onRetry={() => refetchMe({ requestPolicy: 'network-only' })}
          />
        </main>
      </Match>
    </Switch>
  );
}
