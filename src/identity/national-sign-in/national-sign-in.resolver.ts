import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../access/context/ctx.decorator';
import type { RequestContext } from '../../access/context/request-context';
import { Public } from '../../access/policy.decorator';
import { AuthPayload } from '../identity.models';
import { NationalSignInService } from './national-sign-in.service';
import { UserAgent } from '../sessions/user-agent.decorator';

@Resolver()
export class NationalSignInResolver {
  constructor(private readonly signIn: NationalSignInService) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Redeems the one-time ticket that GET /auth/national/callback put in the return URL (valid 60 s, once) for a session.',
  })
  redeemSignInTicket(
    @Ctx() ctx: RequestContext,
    @Args('ticket') ticket: string,
    @UserAgent() userAgent: string | null,
  ): Promise<AuthPayload> {
    return this.signIn.redeem(ctx, ticket, userAgent);
  }
}
