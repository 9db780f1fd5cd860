import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public, SignedIn } from '../access/policy.decorator';
import type { RequestContext } from '../access/context/request-context';
import { Ctx } from '../access/context/ctx.decorator';
import { AuthService } from './auth.service';
import { AuthPayload, TwoFactorEnrollment, UserView } from './identity.models';
import { LoginInput, UpdateProfileInput } from './identity.inputs';
import { UsersService } from './users.service';
import { UserAgent } from './sessions/user-agent.decorator';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Signs in with national ID, password and, when enabled, a TOTP code.' })
  login(@Ctx() ctx: RequestContext, @Args('input') input: LoginInput, @UserAgent() userAgent: string | null): Promise<AuthPayload> {
    return this.auth.login(ctx, input, userAgent);
  }

  @SignedIn()
  @Query(() => UserView, { description: 'The signed-in user.' })
  me(@Ctx() ctx: RequestContext): Promise<UserView> {
    return this.users.viewById(ctx, ctx.actor!.id);
  }

  @SignedIn()
  @Mutation(() => UserView)
  updateProfile(@Ctx() ctx: RequestContext, @Args('input') input: UpdateProfileInput): Promise<UserView> {
    return this.users.updateProfile(ctx, input);
  }

  @SignedIn()
  @Mutation(() => TwoFactorEnrollment, { description: 'Starts TOTP enrolment; confirm with a first code.' })
  enrollTwoFactor(@Ctx() ctx: RequestContext): Promise<TwoFactorEnrollment> {
    return this.auth.enrollTwoFactor(ctx);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Turns two-factor on once the first code matches.' })
  confirmTwoFactor(@Ctx() ctx: RequestContext, @Args('code') code: string): Promise<boolean> {
    return this.auth.confirmTwoFactor(ctx, code);
  }
}
