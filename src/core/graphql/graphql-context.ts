import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WorkContext } from '../context/work-context';
import type { Loaders } from './loaders';

/** What every resolver receives as GraphQL context. */
export interface GraphQLContext<C extends WorkContext = WorkContext> {
  req: FastifyRequest;
  reply: FastifyReply;
  ctx: C;
  loaders: Loaders;
}

/** Where the context of an HTTP request comes from (who is asking, in which language). */
export interface RequestContexts {
  fromRequest(req: FastifyRequest): Promise<WorkContext>;
}
