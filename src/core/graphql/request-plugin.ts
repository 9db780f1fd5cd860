/**
 * Apollo plugin: logs every unexpected fault with its request id and stack (server side only),
 * and stamps the request id on every error the client receives, so a report can be traced.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { DomainError } from '../errors/domain-error';
import type { GraphQLContext } from './graphql-context';

export function requestPlugin(logger: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = error instanceof GraphQLError ? error.originalError : error;
            if (!original || original instanceof DomainError || original instanceof GraphQLError) continue;
            logger.error({ err: original, requestId: contextValue?.ctx?.requestId, path: error.path }, 'unexpected fault');
          }
        },
        async willSendResponse({ response, contextValue }) {
          const requestId = contextValue?.ctx?.requestId ?? contextValue?.req?.id;
          if (response.body.kind !== 'single' || !response.body.singleResult.errors || !requestId) return;
          for (const error of response.body.singleResult.errors) {
            (error as { extensions?: Record<string, unknown> }).extensions = { ...error.extensions, requestId };
          }
        },
      };
    },
  };
}
