/**
 * The account of a nationally verified person (docs/identity.md): found by the provider's
 * subject, else linked by national ID, else created as a citizen with the registry's names. On
 * every sign-in the names are refreshed from the claims. One transaction, with its audit events.
 */
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { RequestContext } from '../../access/context/request-context';
import { Role, UserStatus } from '../../access/role.enum';
import { Transactions } from '../../core/database/transactions';
import { ExternalIdentity } from '../external-identity.entity';
import { hashPassword } from '../passwords';
import { User } from '../user.entity';
import { lockUser } from '../users.service';
import type { VerifiedIdentity } from './verified-identity';

/** Why a verified identity cannot sign in; the callback turns it into `signInError`. */
export type AccountRefusal = 'identity_conflict' | 'account_disabled';

@Injectable()
export class NationalAccounts {
  constructor(private readonly tx: Transactions) {}

  async signIn(ctx: RequestContext, provider: string, identity: VerifiedIdentity): Promise<User | { refused: AccountRefusal }> {
    try {
      return await this.attempt(ctx, provider, identity);
    } catch (err) {
      // Two first sign-ins of one person at once: the other made the account or the link a moment
      // earlier (both are unique); once it has committed, this one finds them.
      if ((err as { code?: string }).code !== '23505' || ctx.inTransaction) throw err;
      return this.attempt(ctx, provider, identity);
    }
  }

  private attempt(ctx: RequestContext, provider: string, identity: VerifiedIdentity): Promise<User | { refused: AccountRefusal }> {
    return this.tx.run(ctx, async (tx) => {
      const links = tx.repo(ExternalIdentity);
      const link = await links.findOneBy({ provider, subject: identity.subject });
      let user = link ? await lockUser(tx, 'id', link.userId) : await lockUser(tx, 'national_id', identity.nationalId);
      // The provider's subject and the national ID must name the same person, and a person has one
      // subject at a provider: anything else is refused, not re-linked.
      if (link && user && user.nationalId !== identity.nationalId) return { refused: 'identity_conflict' as const };
      if (!link && user && (await links.existsBy({ provider, userId: user.id }))) return { refused: 'identity_conflict' as const };

      if (!user) {
        // An account made here has a password no one knows: it signs in nationally until one is set.
        const unusablePassword = await hashPassword(randomBytes(32).toString('base64url'));
        user = await tx.repo(User).save(
          tx.repo(User).create({
            nationalId: identity.nationalId,
            nameAr: identity.nameAr,
            nameEn: identity.nameEn,
            phone: identity.phone,
            email: null,
            passwordHash: unusablePassword,
            status: UserStatus.ACTIVE,
            roles: [Role.CITIZEN],
            lawyerLicense: null,
            totpEnabled: false,
            failedLoginCount: 0,
            tokenVersion: 0,
          }),
        );
        tx.audit({
          action: 'user.created_from_national_identity',
          subjectType: 'User',
          subjectId: user.id,
          after: { nationalId: user.nationalId, nameAr: user.nameAr, nameEn: user.nameEn, roles: user.roles, provider },
        });
      } else if (user.nameAr !== identity.nameAr || user.nameEn !== identity.nameEn) {
        const before = { nameAr: user.nameAr, nameEn: user.nameEn };
        user.nameAr = identity.nameAr;
        user.nameEn = identity.nameEn;
        await tx.repo(User).update(user.id, { nameAr: user.nameAr, nameEn: user.nameEn });
        tx.audit({
          action: 'user.names_from_registry',
          subjectType: 'User',
          subjectId: user.id,
          before,
          after: { nameAr: user.nameAr, nameEn: user.nameEn },
        });
      }
      if (user.status !== UserStatus.ACTIVE) return { refused: 'account_disabled' as const };
      if (!link) {
        await links.insert({ userId: user.id, provider, subject: identity.subject });
        tx.audit({ action: 'user.national_identity_linked', subjectType: 'User', subjectId: user.id, after: { provider } });
      }
      tx.audit({ action: 'user.national_sign_in', subjectType: 'User', subjectId: user.id, after: { provider } });
      return user;
    });
  }
}
