import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can, SignedIn } from '../../access/policy.decorator';
import type { RequestContext } from '../../access/context/request-context';
import { Ctx } from '../../access/context/ctx.decorator';
import { ChangePasswordInput, RequestTwoFactorResetInput } from './recovery.inputs';
import { TwoFactorReset } from './recovery.models';
import { RecoveryService } from './recovery.service';

/** Ways back into an account (docs/identity.md). */
@Resolver()
export class RecoveryResolver {
  constructor(private readonly recovery: RecoveryService) {}

  @SignedIn()
  @Mutation(() => Boolean, { description: 'A new password, proved by the current one; every other session ends.' })
  changePassword(@Ctx() ctx: RequestContext, @Args('input') input: ChangePasswordInput): Promise<boolean> {
    return this.recovery.changePassword(ctx, input);
  }

  @SignedIn()
  @Mutation(() => [String], {
    description:
      'Ten one-time recovery codes, each usable once at login in place of a TOTP code; shown only now. Needs a fresh TOTP code; the earlier set stops working.',
  })
  generateRecoveryCodes(@Ctx() ctx: RequestContext, @Args('otp') otp: string): Promise<string[]> {
    return this.recovery.generateRecoveryCodes(ctx, otp);
  }

  @Can('update', 'User')
  @Mutation(() => TwoFactorReset, {
    description: "System administrator: asks for a person's second factor to be reset; another must approve.",
  })
  requestTwoFactorReset(@Ctx() ctx: RequestContext, @Args('input') input: RequestTwoFactorResetInput): Promise<TwoFactorReset> {
    return this.recovery.requestTwoFactorReset(ctx, input);
  }

  @Can('update', 'User')
  @Mutation(() => TwoFactorReset, {
    description: 'A second system administrator approves a reset: the authenticator, recovery codes and sessions of the person end.',
  })
  approveTwoFactorReset(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<TwoFactorReset> {
    return this.recovery.approveTwoFactorReset(ctx, id);
  }

  @Can('update', 'User')
  @Query(() => [TwoFactorReset], { description: 'System administrator: resets awaiting a second administrator, oldest first.' })
  pendingTwoFactorResets(@Ctx() ctx: RequestContext): Promise<TwoFactorReset[]> {
    return this.recovery.pendingTwoFactorResets(ctx);
  }
}
