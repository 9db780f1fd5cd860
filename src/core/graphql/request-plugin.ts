/**
 * Apollo plugin: logs every unexpected fault with its request id and stack (server side only),
 * stamps the request id on every error the client receives, so a report can be traced, and says
 * each error in the request's language (Accept-Language, docs/api.md "Languages").
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { DomainError } from '../errors/domain-error';
import { requestLocale } from '../i18n/locale';
import { localize } from './format-error';
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
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const locale = contextValue?.ctx?.locale ?? (contextValue?.req ? requestLocale(contextValue.req) : 'ar');
          for (const error of response.body.singleResult.errors) {
            localize(error, locale);
            if (requestId) (error as { extensions?: Record<string, unknown> }).extensions = { ...error.extensions, requestId };
          }
        },
      };
    },
  };
}
