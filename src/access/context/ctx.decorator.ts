import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLContext } from '../../core/graphql/graphql-context';
import type { RequestContext } from './request-context';

/** The request context (user, ability, locale, request id) of the GraphQL operation. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return GqlExecutionContext.create(context).getContext<GraphQLContext<RequestContext>>().ctx;
});

/** The per-request DataLoaders. */
export const RequestLoaders = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return GqlExecutionContext.create(context).getContext<GraphQLContext<RequestContext>>().loaders;
});
