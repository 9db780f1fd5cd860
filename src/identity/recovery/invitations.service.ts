/**
 * Staff join by invitation (docs/identity.md): a system administrator invites (roles and seats as
 * createUser, no password), the person receives a one-time activation link by e-mail, valid for
 * three days, and chooses their own password with it. Until then the account is INVITED and
 * cannot sign in. Inviting again sends a new link and voids the old one.
 */
import { Injectable } from '@nestjs/common';
import { authorize } from '../../access/authorize';
import type { RequestContext } from '../../access/context/request-context';
import { UserStatus } from '../../access/role.enum';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError, NotFoundError } from '../../core/errors/domain-error';
import { RateLimits } from '../../core/rate-limit/rate-limits';
import { InviteStaffInput } from '../identity.inputs';
import { UserView } from '../identity.models';
import { hashPassword } from '../passwords';
import { User } from '../user.entity';
import { UsersService } from '../users.service';
import { AccountCodes } from './account-codes';
import { ActivateAccountInput } from './recovery.inputs';
import { IDENTITY } from '../identity-messages';

const LINK_TTL_MS = 3 * 86_400_000;

@Injectable()
export class InvitationsService {
  constructor(
    private readonly tx: Transactions,
    private readonly rateLimits: RateLimits,
    private readonly users: UsersService,
    private readonly codes: AccountCodes,
  ) {}

  async invite(ctx: RequestContext, input: InviteStaffInput): Promise<UserView> {
    return this.tx.run(ctx, async (tx) => {
      const view = await this.users.createUser(tx, input, true);
      await this.codes.issue(tx, view.id, 'activation', 'email', this.codes.newCode('activation'), LINK_TTL_MS);
      return view;
    });
  }

  /** A new link for someone invited who has not activated yet (the old link stops working). */
  async resend(ctx: RequestContext, userId: string): Promise<boolean> {
    authorize(ctx, 'create', 'User');
    return this.tx.run(ctx, async (tx) => {
      const view = await this.users.user(tx, userId);
      if (view.status !== UserStatus.INVITED) throw new NotFoundError(IDENTITY.invitationNotFound());
      await this.codes.issue(tx, userId, 'activation', 'email', this.codes.newCode('activation'), LINK_TTL_MS);
      tx.audit({ action: 'user.invitation_resent', subjectType: 'User', subjectId: userId });
      return true;
    });
  }

  async activate(ctx: RequestContext, input: ActivateAccountInput): Promise<boolean> {
    await this.rateLimits.consumeRequest(`activation:${ctx.ip ?? 'unknown'}`);
    const passwordHash = await hashPassword(input.password);
    return this.tx.run(ctx, async (tx) => {
      const open = await this.codes.byValue(tx, input.token, 'activation');
      if (!open?.userId) throw BadUserInputError.field('token', IDENTITY.activationLinkInvalid());
      const userId = open.userId;
      await this.codes.spend(tx, open.id);
      await tx.repo(User).update({ id: userId, status: UserStatus.INVITED }, { passwordHash, status: UserStatus.ACTIVE });
      tx.audit({
        action: 'user.activated',
        subjectType: 'User',
        subjectId: userId,
        before: { status: UserStatus.INVITED },
        after: { status: UserStatus.ACTIVE },
      });
      return true;
    });
  }
}
