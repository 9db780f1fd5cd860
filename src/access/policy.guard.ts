import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ForbiddenError, UnauthenticatedError } from '../core/errors/domain-error';
import type { GraphQLContext } from '../core/graphql/graphql-context';
import type { RequestContext } from './context/request-context';
import { ACCESS } from './access-messages';
import { authorize } from './authorize';
import { POLICY_KEY, Policy } from './policy.decorator';

/** Enforces the policy a resolver declared with @Public, @SignedIn or @Can. Fails closed. */
@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const policy = this.reflector.getAllAndOverride<Policy | undefined>(POLICY_KEY, [context.getHandler(), context.getClass()]);
    const { ctx } = GqlExecutionContext.create(context).getContext<GraphQLContext<RequestContext>>();
    if (!policy) throw new ForbiddenError(ACCESS.noPolicy());
    switch (policy.kind) {
      case 'public':
        return true;
      case 'signed-in':
        if (!ctx.actor) throw new UnauthenticatedError();
        return true;
      case 'ability':
        authorize(ctx, policy.action, policy.subject);
        return true;
      default: {
        const unknown: never = policy;
        throw new Error(`Unknown policy ${JSON.stringify(unknown)}`);
      }
    }
  }
}
