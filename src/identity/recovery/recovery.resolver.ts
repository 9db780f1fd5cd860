import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can, Public, SignedIn } from '../../access/policy.decorator';
import type { RequestContext } from '../../access/context/request-context';
import { Ctx } from '../../access/context/ctx.decorator';
import { InviteStaffInput } from '../identity.inputs';
import { UserView } from '../identity.models';
import { InvitationsService } from './invitations.service';
import { PasswordResetService } from './password-reset.service';
import {
  ActivateAccountInput,
  ChangePasswordInput,
  RequestPasswordResetInput,
  RequestTwoFactorResetInput,
  ResetPasswordInput,
} from './recovery.inputs';
import { TwoFactorReset } from './recovery.models';
import { RecoveryService } from './recovery.service';

/** Ways back into an account (docs/identity.md). */
@Resolver()
export class RecoveryResolver {
  constructor(
    private readonly recovery: RecoveryService,
    private readonly resets: PasswordResetService,
    private readonly invitations: InvitationsService,
  ) {}

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Sends a six-digit code to the phone (or e-mail) on record, valid ten minutes. Answers true whether or not the national ID has an account.',
  })
  requestPasswordReset(@Ctx() ctx: RequestContext, @Args('input') input: RequestPasswordResetInput): Promise<boolean> {
    return this.resets.request(ctx, input);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'A new password with the code from requestPasswordReset; every session of the account ends.' })
  resetPassword(@Ctx() ctx: RequestContext, @Args('input') input: ResetPasswordInput): Promise<boolean> {
    return this.resets.reset(ctx, input);
  }

  @Can('create', 'User')
  @Mutation(() => UserView, {
    description: 'System administrator: invites a staff member, who activates the account by the e-mailed link.',
  })
  inviteStaff(@Ctx() ctx: RequestContext, @Args('input') input: InviteStaffInput): Promise<UserView> {
    return this.invitations.invite(ctx, input);
  }

  @Can('create', 'User')
  @Mutation(() => Boolean, { description: 'System administrator: a new activation link for someone invited (the old one stops working).' })
  resendInvitation(@Ctx() ctx: RequestContext, @Args('userId', { type: () => ID }) userId: string): Promise<boolean> {
    return this.invitations.resend(ctx, userId);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'The invited person chooses their password with the token of their activation link.' })
  activateAccount(@Ctx() ctx: RequestContext, @Args('input') input: ActivateAccountInput): Promise<boolean> {
    return this.invitations.activate(ctx, input);
  }

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
