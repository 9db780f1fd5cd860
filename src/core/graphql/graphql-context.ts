import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RequestContext } from '../context/request-context';
import type { Loaders } from './loaders';

/** What every resolver receives as GraphQL context. */
export interface GraphQLContext {
  req: FastifyRequest;
  reply: FastifyReply;
  ctx: RequestContext;
  loaders: Loaders;
}
