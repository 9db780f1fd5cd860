/**
 * Apollo Server set-up: code-first schema, request context per request, error shaping, and
 * the edge protections — depth, alias, token, directive and cost limits (graphql-armor), no
 * batched HTTP requests, and in production no introspection, landing page or field suggestions;
 * ids and text checked in every input before anything runs (input-plugin.ts); queries run compiled
 * (compiled-queries.ts).
 */
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import type { AdlConfig } from '../config/config';
import { DomainError } from '../errors/domain-error';
import { requestLocale } from '../i18n/locale';
import { rootLogger } from '../logging/logger';
import { CompiledQueries } from './compiled-queries';
import { formatError } from './format-error';
import type { GraphQLContext, RequestContexts } from './graphql-context';
import { inputPlugin } from './input-plugin';
import { createLoaders } from './loaders';
import { requestPlugin } from './request-plugin';

const HTTP_STATUS: Partial<Record<string, number>> = { UNAUTHENTICATED: 401, RATE_LIMITED: 429 };

export function graphqlOptions(
  config: AdlConfig,
  contexts: RequestContexts,
  compiled: CompiledQueries,
): Omit<ApolloDriverConfig, 'driver'> {
  const production = config.env === 'production';
  const armor = new ApolloArmor({
    maxDepth: { n: config.graphqlLimits.maxDepth },
    maxAliases: { n: config.graphqlLimits.maxAliases },
    costLimit: { maxCost: config.graphqlLimits.maxCost },
    maxDirectives: { n: 20 },
    maxTokens: { n: 3000 },
    blockFieldSuggestion: { enabled: production },
  });
  const protection = armor.protect();
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: !production,
    playground: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    validationRules: protection.validationRules,
    // Apollo's CJS and ESM type declarations differ only nominally; the plugins are the same objects.
    plugins: [
      ...protection.plugins,
      requestPlugin(rootLogger()),
      inputPlugin(),
      ...(config.compiledQueries ? [compiled.plugin()] : []),
      // Answers are per caller and never cached by HTTP caches; Apollo's cache-control plugin would
      // otherwise wrap every field resolver of every request to compute a policy nobody reads.
      ApolloServerPluginCacheControlDisabled(),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ] as ApolloDriverConfig['plugins'],
    formatError,
    context: async (req: FastifyRequest, reply: FastifyReply): Promise<GraphQLContext> => {
      try {
        return { req, reply, ctx: await contexts.fromRequest(req), loaders: createLoaders() };
      } catch (err) {
        // Apollo answers a failed context with 500 unless the error says otherwise.
        if (err instanceof DomainError) {
          throw new GraphQLError(err.messageIn(requestLocale(req)), {
            extensions: { code: err.code, ...err.details, requestId: String(req.id), http: { status: HTTP_STATUS[err.code] ?? 400 } },
          });
        }
        throw err;
      }
    },
  };
}
