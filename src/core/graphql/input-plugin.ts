/**
 * Apollo plugin: refuses an operation whose input breaks the input rules (validation/input-guard.ts)
 * once GraphQL has parsed and validated it, before any resolver runs — a malformed id or a NUL
 * byte never reaches PostgreSQL, whichever operation, argument or input field carries it. The
 * answer is BAD_USER_INPUT naming the fields, with HTTP 400 like GraphQL's own refusals of input.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { FragmentDefinitionNode, GraphQLError, Kind } from 'graphql';
import { BadUserInputError } from '../errors/domain-error';
import { inputProblems } from '../validation/input-guard';
import type { GraphQLContext } from './graphql-context';

export function inputPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const fields = inputProblems(schema, operation, fragments, request.variables);
          if (!fields.length) return;
          const refusal = new BadUserInputError(fields);
          throw new GraphQLError(refusal.message, { originalError: refusal, extensions: { http: { status: 400 } } });
        },
      };
    },
  };
}
