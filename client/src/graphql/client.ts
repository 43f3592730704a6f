import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWebSocketClient } from 'graphql-ws';
import { createSignal, type Accessor } from 'solid-js';
import { isUnauthenticated } from './errors';

export type LiveConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting';

/** One signed-in (or signed-out) session's GraphQL client and its live-update socket. */
export interface LightboxClient {
  client: Client;
  liveConnection: Accessor<LiveConnectionState>;
  dispose(): void;
}

function graphqlWebSocketUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}/graphql`;
}

export interface LightboxClientOptions {
  /** Called once, when a query or subscription is refused because there is no valid session. */
  onUnauthenticated(): void;
}

/**
 * Queries and mutations go over `fetch` with the session cookie; subscriptions over graphql-ws
 * on the same path (the browser sends the cookie with the upgrade request). The document cache
 * re-runs a query when a mutation or subscription result names one of its typenames.
 */
export function createLightboxClient(options: LightboxClientOptions): LightboxClient {
  const [liveConnection, setLiveConnection] = createSignal<LiveConnectionState>('idle');
  let everConnected = false;
  let disposed = false;
  let sessionEndedReported = false;

  const webSocketClient = createWebSocketClient({
    url: graphqlWebSocketUrl(),
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: async (retries) => {
      const delayMs = Math.min(30_000, 1_000 * 2 ** retries) * (0.5 + Math.random() / 2);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    },
    on: {
      connecting: () => setLiveConnection(everConnected ? 'reconnecting' : 'connecting'),
      connected: () => {
        everConnected = true;
        setLiveConnection('connected');
      },
      closed: () => setLiveConnection(everConnected && !disposed ? 'reconnecting' : 'idle'),
    },
  });

  const client = new Client({
    url: '/graphql',
    fetchOptions: { credentials: 'same-origin' },
    requestPolicy: 'cache-first',
    preferGetMethod: false,
    exchanges: [
      mapExchange({
        onResult(result) {
          const kind = result.operation.kind;
          if ((kind === 'query' || kind === 'subscription') && isUnauthenticated(result.error)) {
            if (!sessionEndedReported && !disposed) {
              sessionEndedReported = true;
              setTimeout(() => options.onUnauthenticated(), 0);
            }
          }
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = webSocketClient.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });

  return {
    client,
    liveConnection,
    dispose() {
      disposed = true;
      void webSocketClient.dispose();
      setLiveConnection('idle');
    },
  };
}
