import type { CombinedError, OperationContext } from '@urql/core';
import { Match, Switch, type JSX } from 'solid-js';
import { ErrorMessage, LoadingMessage } from './status-messages';

interface QueryResultProps<T> {
  /** The loaded thing: undefined while loading, null when the server says there is none (or it is not visible). */
  value: T | null | undefined;
  error: CombinedError | undefined;
  retry: (context?: Partial<OperationContext>) => void;
  loading: string;
  failure: string;
  notFound: JSX.Element;
  children: (value: T) => JSX.Element;
}

/** The loading / found / not found / failed states of a page that opens one thing by id. */
export function QueryResult<T>(props: QueryResultProps<T>) {
  return (
    <Switch fallback={<LoadingMessage>{props.loading}</LoadingMessage>}>
      <Match when={props.value}>{(value) => props.children(value())}</Match>
      <Match when={props.value === null}>{props.notFound}</Match>
      <Match when={props.error}>
        <ErrorMessage title={props.failure} error={props.error} onRetry={() => props.retry({ requestPolicy: 'network-only' })} />
      </Match>
    </Switch>
  );
}

