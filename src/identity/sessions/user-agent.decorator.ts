import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLContext } from '../../core/graphql/graphql-context';

/** The request's User-Agent, so that a person can tell their sessions apart (mySessions). */
export const UserAgent = createParamDecorator((_data: unknown, context: ExecutionContext): string | null => {
  const agent = GqlExecutionContext.create(context).getContext<GraphQLContext>().req?.headers['user-agent'];
  return typeof agent === 'string' ? agent : null;
});
