import type { CombinedError } from '@urql/core';
import { Show, type JSX } from 'solid-js';
import { humanErrorMessage } from '../graphql/errors';

export function LoadingMessage(props: { children: JSX.Element }) {
  return (
    <p class="loading" role="status">
      <span class="loading-dot" aria-hidden="true" />
      {props.children}
    </p>
  );
}

/** A query or mutation failure in words, with an optional retry. */
export function ErrorMessage(props: { error: CombinedError | undefined; onRetry?: () => void; title?: string }) {
  return (
    <div class="notice notice-error" role="alert">
      <Show when={props.title}>
        <p class="notice-title">{props.title}</p>
      </Show>
      <p>{humanErrorMessage(props.error)}</p>
      <Show when={props.onRetry}>
        {(retry) => (
          <button type="button" class="button button-secondary" onClick={() => retry()()}>
            Try again
          </button>
        )}
      </Show>
    </div>
  );
}
