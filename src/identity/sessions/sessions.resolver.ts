import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public, SignedIn } from '../../access/policy.decorator';
import type { RequestContext } from '../../access/context/request-context';
import { Ctx } from '../../access/context/ctx.decorator';
import { AuthService } from '../auth.service';
import { AuthPayload } from '../identity.models';
import { SessionView, type SessionMethod } from './session.models';
import { SessionsService } from './sessions.service';

/** Sign-in sessions: refresh, elevate, list and end (docs/identity.md). */
@Resolver()
export class SessionsResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Exchanges a refresh token for new tokens. Each refresh token works once; using one twice ends its session.',
  })
  refreshSession(@Ctx() ctx: RequestContext, @Args('refreshToken') refreshToken: string): Promise<AuthPayload> {
    return this.auth.refreshSession(ctx, refreshToken);
  }

  @SignedIn()
  @Mutation(() => AuthPayload, { description: 'The current session proves a second factor (a fresh TOTP code) and rises to mfa.' })
  elevateSession(@Ctx() ctx: RequestContext, @Args('otp') otp: string): Promise<AuthPayload> {
    return this.auth.elevateSession(ctx, otp);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Ends the current session: its access and refresh tokens stop working.' })
  logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    return this.sessions.end(ctx, ctx.actor!.sessionId!, 'logout');
  }

  @SignedIn()
  @Query(() => [SessionView], { description: "The caller's live sessions, newest first." })
  async mySessions(@Ctx() ctx: RequestContext): Promise<SessionView[]> {
    const rows = await this.sessions.mine(ctx);
    return rows.map((row) => ({ ...row, method: row.method as SessionMethod, current: row.id === ctx.actor!.sessionId }));
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: "Ends one of the caller's sessions (another device, say)." })
  endSession(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.sessions.end(ctx, id, 'ended_by_user');
  }
}
