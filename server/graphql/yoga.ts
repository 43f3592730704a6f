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

interface ErrorLike {
  name?: string;
  message: string;
  code?: unknown;
  originalError?: unknown;
  extensions?: Record<string, unknown>;
}

/** The innermost error of a GraphQL error chain. */
function rootCause(error: unknown): ErrorLike {
  let current = error as ErrorLike;
  while (current.originalError && current.originalError !== current) current = current.originalError as ErrorLike;
  return current;
}

/**
 * Errors a client can act on keep their message and get `extensions.code`; anything unexpected is masked
 * as "Unexpected error." (and logged) so internals never leak. Errors are recognised by shape, not by class,
 * because graphql's CommonJS and ES builds can both be loaded.
 */
function maskError(error: unknown, message: string): Error {
  const cause = rootCause(error);
  if (cause instanceof DomainError || cause instanceof WrongExpectedRevisionError || (cause.name === 'DomainError' && typeof cause.code === 'string')) {
    return new GraphQLError(cause.message, { extensions: { code: cause.code } });
  }
  if (cause.name === 'GraphQLError') return cause as Error;
  console.error('unexpected GraphQL error:', cause);
  return new GraphQLError(message, { extensions: { code: 'INTERNAL' } });
}

export type LightboxYoga = YogaServerInstance<ServerContext, GraphQLContext>;

export function createGraphQL(services: AppServices): LightboxYoga {
  return createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: false,
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
