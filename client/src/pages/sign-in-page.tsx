import { useSearchParams } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { createSignal, onMount, Show } from 'solid-js';
import { humanErrorMessage } from '../graphql/errors';
import { SignInMutation, SignInOptionsQuery } from '../graphql/operations';
import { safeReturnPath, useSession } from '../session';

interface FieldErrors {
  email?: string;
  password?: string;
}

/** Why a hospital-account (OpenID Connect) sign-in came back to this page: `?error=…`. */
const OIDC_ERRORS: Record<string, string> = {
  'oidc-no-account':
    'No Lightbox account uses the email address your hospital account has. Ask a Lightbox administrator to add you.',
  'oidc-expired': 'Signing in with your hospital account took too long, so it was stopped. Please try again.',
  'oidc-failed':
    'Signing in with your hospital account did not work. Try again, or sign in with your email address and password.',
};

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function SignInPage() {
  const { restartSessionAt } = useSession();
  const [searchParams] = useSearchParams();
  const [signInState, signIn] = createMutation(SignInMutation);
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [fieldErrors, setFieldErrors] = createSignal<FieldErrors>({});
  const [formError, setFormError] = createSignal<string>();
  let emailInput!: HTMLInputElement;
  let passwordInput!: HTMLInputElement;

  const [options] = createQuery({ query: SignInOptionsQuery });
  const signedOut = () => firstValue(searchParams.signedout) === '1' && !formError();
  const oidcError = () => (formError() ? undefined : OIDC_ERRORS[firstValue(searchParams.error) ?? '']);

  onMount(() => {
    document.title = 'Sign in · Lightbox';
    emailInput.focus();
  });

  const validate = (): FieldErrors => {
    const errors: FieldErrors = {};
    const enteredEmail = email().trim();
    if (!enteredEmail) errors.email = 'Enter your email address.';
    else if (!/^[^\s@]+@[^\s@]+$/.test(enteredEmail)) errors.email = 'Enter an email address like name@nhs.net.';
    if (!password()) errors.password = 'Enter your password.';
    return errors;
  };

  const handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (signInState.fetching) return;
    setFormError(undefined);
    const errors = validate();
    setFieldErrors(errors);
    if (errors.email) return emailInput.focus();
    if (errors.password) return passwordInput.focus();

    const result = await signIn({ email: email().trim(), password: password() });
    if (result.error || !result.data) {
      setFormError(humanErrorMessage(result.error));
      setPassword('');
      passwordInput.focus();
      return;
    }
    restartSessionAt(safeReturnPath(firstValue(searchParams.next)), { replace: true });
  };

  return (
    <div class="signin-layout">
      <header class="signin-header">
        <p class="brand brand-large">
          <span class="brand-mark" aria-hidden="true" />
          Lightbox
        </p>
        <p class="signin-tagline">Radiology teaching archive</p>
      </header>
      <main id="main" class="signin-card">
        <h1 class="page-heading">Sign in</h1>
        <Show when={signedOut()}>
          <p class="notice notice-info" role="status">
            You have signed out.
          </p>
        </Show>
        <Show when={oidcError()}>
          <p id="signin-oidc-error" class="notice notice-error" role="alert">
            {oidcError()}
          </p>
        </Show>
        <Show when={formError()}>
          <p id="signin-error" class="notice notice-error" role="alert">
            {formError()}
          </p>
        </Show>
        <Show when={options.data?.signInOptions.oidc}>
          <a href="/auth/oidc/login" rel="external" class="button button-secondary button-block">
            Sign in with your hospital account
          </a>
          <p class="divider">
            <span>or with your email address</span>
          </p>
        </Show>
        <form class="form" novalidate onSubmit={(event) => void handleSubmit(event)} aria-busy={signInState.fetching}>
          <div class="field">
            <label for="signin-email">Email address</label>
            <Show when={fieldErrors().email}>
              <p id="signin-email-error" class="field-error">
                {fieldErrors().email}
              </p>
            </Show>
            <input
              ref={emailInput}
              id="signin-email"
              name="email"
              type="email"
              inputmode="email"
              autocomplete="username"
              spellcheck={false}
              required
              value={email()}
              onInput={(event) => setEmail(event.currentTarget.value)}
              aria-invalid={fieldErrors().email ? 'true' : undefined}
              aria-describedby={fieldErrors().email ? 'signin-email-error' : undefined}
            />
          </div>
          <div class="field">
            <label for="signin-password">Password</label>
            <Show when={fieldErrors().password}>
              <p id="signin-password-error" class="field-error">
                {fieldErrors().password}
              </p>
            </Show>
            <input
              ref={passwordInput}
              id="signin-password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
              value={password()}
              onInput={(event) => setPassword(event.currentTarget.value)}
              aria-invalid={fieldErrors().password || formError() ? 'true' : undefined}
              aria-describedby={
                fieldErrors().password ? 'signin-password-error' : formError() ? 'signin-error' : undefined
              }
            />
          </div>
          <button type="submit" class="button button-primary" disabled={signInState.fetching}>
            {signInState.fetching ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </main>
    </div>
  );
}
