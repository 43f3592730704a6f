import { createMutation } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { errorCode, humanErrorMessage } from '../graphql/errors';
import { SignOutMutation } from '../graphql/operations';
import { useCurrentUser, useSession } from '../session';

/** "GMC1234567" or "1234567" → "GMC 1234567". */
function formatGmcNumber(gmc: string): string {
  return `GMC ${gmc.replace(/^gmc\s*/i, '')}`;
}

/** Who is signed in (name, GMC number) and the way out. */
export function UserMenu() {
  const user = useCurrentUser();
  const { restartSessionAt } = useSession();
  const [signOutState, signOut] = createMutation(SignOutMutation);
  const [problem, setProblem] = createSignal<string>();

  const handleSignOut = async () => {
    setProblem(undefined);
    const result = await signOut({});
    if (!result.error || errorCode(result.error) === 'UNAUTHENTICATED') {
      restartSessionAt('/signin?signedout=1');
      return;
    }
    setProblem(`Could not sign out. ${humanErrorMessage(result.error)}`);
  };

  return (
    <section class="user-menu" aria-label="Your account">
      <p class="user-identity">
        <span class="user-name">{user().displayName}</span>
        <Show when={user().gmcNumber}>
          {(gmc) => <span class="user-gmc">{formatGmcNumber(gmc())}</span>}
        </Show>
        <Show when={user().isAdmin}>
          <span class="badge badge-admin">Admin</span>
        </Show>
      </p>
      <button
        type="button"
        class="button button-quiet"
        onClick={() => void handleSignOut()}
        disabled={signOutState.fetching}
      >
        {signOutState.fetching ? 'Signing out…' : 'Sign out'}
      </button>
      <Show when={problem()}>
        <p class="user-menu-error" role="alert">
          {problem()}
        </p>
      </Show>
    </section>
  );
}
