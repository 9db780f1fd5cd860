/**
 * Apollo plugin: refuses an operation whose input breaks the input rules (validation/input-guard.ts)
 * once GraphQL has parsed and validated it, before any resolver runs — a malformed id or a NUL
 * byte never reaches PostgreSQL, whichever operation, argument or input field carries it. The
 * answer is BAD_USER_INPUT naming the fields, with HTTP 400 like GraphQL's own refusals of input;
 * it names what the validation pipe finds wrong in the same input objects too, so that a client
 * learns every offending field at once, as when the pipe alone refuses.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Type } from '@nestjs/common';
import { TypeMetadataStorage } from '@nestjs/graphql';
import { FragmentDefinitionNode, GraphQLError, Kind } from 'graphql';
import { BadUserInputError, FieldError } from '../errors/domain-error';
import { inputProblems, ObjectArgument, withoutProblems } from '../validation/input-guard';
import { argumentProblems } from '../validation/validation.pipe';
import type { GraphQLContext } from './graphql-context';

let inputClasses: Map<string, Type> | undefined;

/** The class behind a GraphQL input type, as declared with @InputType(). */
function inputClass(name: string): Type | undefined {
  inputClasses ??= new Map(
    TypeMetadataStorage.getInputTypesMetadata()
      .filter((m) => !m.isAbstract)
      .map((m) => [m.name, m.target as Type]),
  );
  return inputClasses.get(name);
}

/** The pipe's findings on the rest of each input object, for fields the rules did not name already. */
async function alsoFound(problems: FieldError[], objectArguments: ObjectArgument[]): Promise<FieldError[]> {
  const named = (field: string) =>
    problems.some((p) => p.field === field || p.field.startsWith(`${field}.`) || field.startsWith(`${p.field}.`));
  const out: FieldError[] = [];
  for (const arg of objectArguments) {
    const target = inputClass(arg.type.name);
    if (!target) continue;
    for (const found of await argumentProblems(target, arg.name, withoutProblems(arg.name, arg.value, problems))) {
      if (!named(found.field)) out.push(found);
    }
  }
  return out;
}

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
          const { problems, objectArguments } = inputProblems(schema, operation, fragments, request.variables);
          if (!problems.length) return;
          const refusal = new BadUserInputError([...problems, ...(await alsoFound(problems, objectArguments))]);
          throw new GraphQLError(refusal.message, { originalError: refusal, extensions: { http: { status: 400 } } });
        },
      };
    },
  };
}
