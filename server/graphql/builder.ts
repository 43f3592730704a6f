import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { ServerResponse } from 'node:http';
import type { Viewer } from '../accounts/accounts';
import type { AppServices } from '../app-services';

export interface GraphQLContext {
  readonly viewer: Viewer | null;
  readonly services: AppServices;
  /** The HTTP response of a plain request (absent over WebSocket), used to set the session cookie. */
  readonly res?: ServerResponse;
  readonly requestSource: string;
}

/**
 * Deny by default: the Query, Mutation and Subscription types require a signed-in viewer; the few public fields
 * (`signIn`) opt out with `skipTypeScopes`, and a test asserts every root field is covered.
 */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  AuthScopes: { signedIn: boolean; admin: boolean };
  DefaultFieldNullability: false;
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin],
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (context) => ({ signedIn: context.viewer !== null, admin: context.viewer?.isAdmin === true }),
    unauthorizedError: (_parent, context) =>
      context.viewer
        ? new GraphQLError('you are not allowed to do this', { extensions: { code: 'FORBIDDEN' } })
        : new GraphQLError('sign in first', { extensions: { code: 'UNAUTHENTICATED' } }),
  },
});

builder.queryType({ authScopes: { signedIn: true } });
builder.mutationType({ authScopes: { signedIn: true } });
builder.subscriptionType({ authScopes: { signedIn: true } });

/** The viewer of a field that the root type's scopes already guarantee is signed in. */
export function viewerOf(context: GraphQLContext): Viewer {
  if (!context.viewer) throw new GraphQLError('sign in first', { extensions: { code: 'UNAUTHENTICATED' } });
  return context.viewer;
}

/** The command context of a GraphQL request. */
export const commandContext = (context: GraphQLContext) => ({
  actorId: context.viewer?.userId ?? null,
  source: context.requestSource,
  correlationId: crypto.randomUUID(),
  causationId: null,
});
