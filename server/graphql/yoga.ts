import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { DomainError } from '../../domain/shared/errors';
import { WrongExpectedRevisionError } from '../eventstore/port';
import type { AppServices } from '../app-services';
import { tokenFromHeaders } from '../http/session-cookie';
import type { GraphQLContext } from './builder';
import { schema } from './schema';

interface ServerContext {
  req: IncomingMessage;
  res?: ServerResponse;
  /** Set for graphql-ws connections: the token from connection params, if any. */
  connectionToken?: string | null;
}

/**
 * Errors a client can act on keep their message and get `extensions.code`; anything unexpected is masked
 * as "Unexpected error." (and logged) so internals never leak.
 */
function maskError(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof DomainError) return new GraphQLError(original.message, { extensions: { code: original.code } });
  if (original instanceof WrongExpectedRevisionError) return new GraphQLError(original.message, { extensions: { code: original.code } });
  if (error instanceof GraphQLError && (!error.originalError || error.originalError instanceof GraphQLError)) return error;
  console.error('unexpected GraphQL error:', original);
  return new GraphQLError(message, { extensions: { code: 'INTERNAL' } });
}

export type LightboxYoga = YogaServerInstance<ServerContext, GraphQLContext>;

export function createGraphQL(services: AppServices): LightboxYoga {
  return createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: 'warn',
    maskedErrors: { maskError: (error, message) => maskError(error, message) },
    context: ({ req, res, connectionToken }): GraphQLContext => {
      const token = connectionToken ?? tokenFromHeaders(req?.headers.authorization, req?.headers.cookie);
      return {
        viewer: token ? services.accounts.authenticate(token) : null,
        services,
        ...(res ? { res } : {}),
        requestSource: connectionToken !== undefined ? 'graphql-ws' : 'graphql',
      };
    },
  });
}
