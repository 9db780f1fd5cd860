/**
 * Users and their memberships: self-registration, creation by an administrator, profile edits,
 * status, and memberships of organizations. Who may do what is the ability's business; this
 * service asks it about the record at hand and filters lists with it in SQL.
 */
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { In } from 'typeorm';
import { authorize, can } from '../access/authorize';
import { applyAbility } from '../access/sql-filter';
import type { RequestContext } from '../access/context/request-context';
import { Transactions } from '../core/database/transactions';
import { BadUserInputError, NotFoundError } from '../core/errors/domain-error';
import { ConnectionShape, decodeCursor, encodeCursor, toConnection } from '../core/graphql/pagination';
import { OrganizationLookups } from '../organizations';
import { CreateUserInput, InviteStaffInput, MembershipInput, UpdateProfileInput, UsersFilter } from './identity.inputs';
import { UserView } from './identity.models';
import { Membership } from './membership.entity';
import { MembershipSubject, UserSubject } from './identity.subjects';
import { hashPassword } from './passwords';
import { MEMBERSHIP_ROLES, Role, UserStatus } from '../access/role.enum';
import { User } from './user.entity';
import { SessionsService } from './sessions/sessions.service';
import { IDENTITY } from './identity-messages';
import { ExternalIdentity } from './external-identity.entity';

/** A verified person's account: names as the registry gives them, a password they chose. */
export interface NewCitizen {
  nationalId: string;
  nameAr: string;
  nameEn: string;
  phone?: string | null;
  email?: string | null;
  password: string;
}

export function toUserView(user: User, memberships: Membership[]): UserView {
  return {
    id: user.id,
    nationalId: user.nationalId,
    nameAr: user.nameAr,
    nameEn: user.nameEn,
    phone: user.phone,
    email: user.email,
    roles: user.roles,
    status: user.status,
    lawyerLicense: user.lawyerLicense,
    twoFactorEnabled: user.totpEnabled,
    memberships,
    createdAt: user.createdAt,
  };
}

/** The user row, locked until the transaction ends: for changes that read, then write the row. */
export function lockUser(tx: RequestContext, by: 'id' | 'national_id', value: string): Promise<User | null> {
  return tx.repo(User).createQueryBuilder('u').setLock('pessimistic_write').where(`u.${by} = :value`, { value }).getOne();
}

function snapshot(user: User, memberships: Membership[] = []) {
  return {
    nationalId: user.nationalId,
    nameAr: user.nameAr,
    nameEn: user.nameEn,
    roles: user.roles,
    status: user.status,
    lawyerLicense: user.lawyerLicense,
    memberships: memberships.map((m) => ({
      role: m.role,
      courtId: m.courtId,
      circuitId: m.circuitId,
      prosecutionOfficeId: m.prosecutionOfficeId,
      notaryOfficeId: m.notaryOfficeId,
    })),
  };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly tx: Transactions,
    private readonly organizations: OrganizationLookups,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * A citizen's account, for a person whose identity was verified before this call (a registration
   * confirmed by the civil registry and a code to the registered phone: registration/). `how` says
   * how, in the audit event. No GraphQL operation reaches this without that check.
   */
  async enrolCitizen(ctx: RequestContext, person: NewCitizen, how: Record<string, unknown> = {}): Promise<User> {
    return this.tx.run(ctx, async (tx) => {
      const user = await this.insertUser(tx, person, [Role.CITIZEN], null);
      tx.audit({ action: 'user.registered', subjectType: 'User', subjectId: user.id, after: { ...snapshot(user), ...how } });
      return user;
    });
  }

  /**
   * A user with roles and seats. `invited`: no password yet — the account is INVITED until the
   * person activates it through the link sent to them (recovery/invitations.service.ts).
   */
  async createUser(ctx: RequestContext, input: CreateUserInput | InviteStaffInput, invited = false): Promise<UserView> {
    authorize(ctx, 'create', 'User');
    const roles = new Set<Role>([Role.CITIZEN, ...input.roles, ...input.memberships.map((m) => m.role)]);
    if (roles.has(Role.LAWYER) && !input.lawyerLicense) {
      throw BadUserInputError.field('input.lawyerLicense', IDENTITY.lawyerLicenseRequired());
    }
    const missing = MEMBERSHIP_ROLES.filter((r) => input.roles.includes(r) && !input.memberships.some((m) => m.role === r));
    if (missing.length) {
      throw BadUserInputError.field('input.memberships', IDENTITY.membershipsMissing({ roles: missing.join(', ') }));
    }
    return this.tx.run(ctx, async (tx) => {
      const user = await this.insertUser(
        tx,
        input,
        [...roles],
        input.lawyerLicense ?? null,
        invited ? UserStatus.INVITED : UserStatus.ACTIVE,
      );
      const memberships: Membership[] = [];
      for (const [i, m] of input.memberships.entries()) {
        memberships.push(await this.insertMembership(tx, user, m, `input.memberships.${i}`));
      }
      tx.audit({
        action: invited ? 'user.invited' : 'user.created',
        subjectType: 'User',
        subjectId: user.id,
        after: snapshot(user, memberships),
      });
      return toUserView(user, memberships);
    });
  }

  async updateProfile(ctx: RequestContext, input: UpdateProfileInput): Promise<UserView> {
    const actorId = ctx.actor!.id;
    return this.tx.run(ctx, async (tx) => {
      const user = await tx.repo(User).findOneByOrFail({ id: actorId });
      const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<User>;
      for (const field of Object.keys(changes)) authorize(tx, 'update', 'User', { id: user.id }, field);
      // A verified identity's names are the registry's, never typed (docs/identity.md).
      const named = (['nameAr', 'nameEn'] as const).filter((field) => field in changes);
      if (named.length && (await tx.repo(ExternalIdentity).existsBy({ userId: user.id }))) {
        throw new BadUserInputError(named.map((field) => ({ field: `input.${field}`, message: IDENTITY.namesFromRegistry() })));
      }
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, user[k as keyof User]]));
      await tx.repo(User).update(user.id, changes);
      tx.audit({ action: 'user.profile_updated', subjectType: 'User', subjectId: user.id, before, after: changes });
      return this.viewById(tx, user.id);
    });
  }

  async setStatus(ctx: RequestContext, userId: string, status: UserStatus): Promise<UserView> {
    // Whether the caller may change anyone's status at all, before looking anyone up.
    authorize(ctx, 'update', 'User', undefined, 'status');
    return this.tx.run(ctx, async (tx) => {
      const view = await this.user(tx, userId);
      authorize(tx, 'update', 'User', UserSubject.shapeOf(view), 'status');
      if (view.status !== status) {
        // Disabling also bumps the token version, so tokens already issued stop working at once.
        await tx.repo(User).update(userId, { status, tokenVersion: () => 'token_version + 1' });
        if (status === UserStatus.DISABLED) await this.sessions.endAll(tx, userId, 'account_disabled');
        tx.audit({
          action: 'user.status_changed',
          subjectType: 'User',
          subjectId: userId,
          before: { status: view.status },
          after: { status },
        });
      }
      return { ...view, status };
    });
  }

  async addMembership(ctx: RequestContext, userId: string, input: MembershipInput): Promise<Membership> {
    return this.tx.run(ctx, async (tx) => {
      const user = await lockUser(tx, 'id', userId);
      // The input is checked first, then whether there is such a person the caller may seat (docs/domain.md, "Not found").
      const membership = await this.insertMembership(tx, user, input, 'input');
      if (!user) throw new NotFoundError(IDENTITY.userNotFound());
      if (!user.roles.includes(input.role)) {
        await tx.repo(User).update(userId, { roles: [...user.roles, input.role] });
      }
      tx.audit({ action: 'membership.added', subjectType: 'User', subjectId: userId, after: snapshot(user, [membership]).memberships[0] });
      return membership;
    });
  }

  async removeMembership(ctx: RequestContext, membershipId: string): Promise<boolean> {
    return this.tx.run(ctx, async (tx) => {
      const membership = await tx.repo(Membership).findOneBy({ id: membershipId });
      const shape = membership && (await MembershipSubject.shape(tx, membership));
      // A membership the caller may not read answers as one that does not exist.
      if (!membership || !shape || !can(tx, 'read', 'Membership', shape)) throw new NotFoundError(IDENTITY.membershipNotFound());
      authorize(tx, 'delete', 'Membership', shape);
      await tx.repo(Membership).delete(membership.id);
      const remaining = await tx.repo(Membership).countBy({ userId: membership.userId, role: membership.role });
      if (remaining === 0) {
        const user = await tx.repo(User).findOneByOrFail({ id: membership.userId });
        await tx.repo(User).update(user.id, { roles: user.roles.filter((r) => r !== membership.role) });
      }
      tx.audit({
        action: 'membership.removed',
        subjectType: 'User',
        subjectId: membership.userId,
        before: {
          role: membership.role,
          courtId: membership.courtId,
          circuitId: membership.circuitId,
          prosecutionOfficeId: membership.prosecutionOfficeId,
          notaryOfficeId: membership.notaryOfficeId,
        },
      });
      return true;
    });
  }

  async viewById(ctx: RequestContext, id: string): Promise<UserView> {
    const user = await ctx.repo(User).findOneBy({ id });
    if (!user) throw new NotFoundError(IDENTITY.userNotFound());
    const memberships = await ctx.repo(Membership).find({ where: { userId: id }, order: { createdAt: 'ASC' } });
    return toUserView(user, memberships);
  }

  /** One user, if the caller may read them; otherwise NOT_FOUND (existence is not revealed). */
  async user(ctx: RequestContext, id: string): Promise<UserView> {
    const view = await this.viewById(ctx, id).catch((err) => {
      if (err instanceof NotFoundError) return null;
      throw err;
    });
    if (!view || !can(ctx, 'read', 'User', UserSubject.shapeOf(view))) {
      throw new NotFoundError(IDENTITY.userNotFound());
    }
    return view;
  }

  /** Users the caller may read, newest first, filtered in SQL by the ability. */
  async list(ctx: RequestContext, filter: UsersFilter, first: number, after?: string): Promise<ConnectionShape<UserView>> {
    const qb = ctx.repo(User).createQueryBuilder('u');
    applyAbility(qb, ctx.ability, 'read', 'User', 'u');
    if (filter.role) qb.andWhere(':role = ANY(u.roles)', { role: filter.role });
    if (filter.nationalId) qb.andWhere('u.national_id = :nid', { nid: filter.nationalId });
    if (filter.courtId) {
      qb.andWhere('EXISTS (SELECT 1 FROM memberships fm WHERE fm.user_id = u.id AND fm.court_id = :fcourt)', { fcourt: filter.courtId });
    }
    if (after) {
      const [createdAt, id] = decodeCursor(after);
      qb.andWhere('(u.created_at, u.id) < (:cAt, :cId)', { cAt: createdAt, cId: id });
    }
    const users = await qb
      .orderBy('u.created_at', 'DESC')
      .addOrderBy('u.id', 'DESC')
      .limit(first + 1)
      .getMany();
    const memberships = users.length
      ? await ctx.repo(Membership).find({ where: { userId: In(users.map((u) => u.id)) }, order: { createdAt: 'ASC' } })
      : [];
    return toConnection(
      users,
      first,
      (u) => encodeCursor(u.createdAt, u.id),
      (u) =>
        toUserView(
          u,
          memberships.filter((m) => m.userId === u.id),
        ),
    );
  }

  private async insertUser(
    tx: RequestContext,
    input: NewCitizen | InviteStaffInput,
    roles: Role[],
    lawyerLicense: string | null,
    status = UserStatus.ACTIVE,
  ): Promise<User> {
    const taken = await tx.repo(User).exists({ where: { nationalId: input.nationalId } });
    if (taken) throw BadUserInputError.field('input.nationalId', IDENTITY.nationalIdTaken());
    if (lawyerLicense && (await tx.repo(User).exists({ where: { lawyerLicense } }))) {
      throw BadUserInputError.field('input.lawyerLicense', IDENTITY.lawyerLicenseTaken());
    }
    const user = tx.repo(User).create({
      nationalId: input.nationalId,
      nameAr: input.nameAr.trim(),
      nameEn: input.nameEn.trim(),
      phone: input.phone ?? null,
      email: input.email?.toLowerCase() ?? null,
      // An invited person has no password until they choose one: a random one nobody knows.
      passwordHash: await hashPassword('password' in input ? input.password : randomBytes(32).toString('base64url')),
      status,
      roles,
      lawyerLicense,
      totpEnabled: false,
      totpSecret: null,
      totpPendingSecret: null,
      totpLastStep: null,
      failedLoginCount: 0,
      lockedUntil: null,
      tokenVersion: 0,
    });
    try {
      return await tx.repo(User).save(user);
    } catch (err) {
      // The same number or licence registered by a request that committed after the checks above.
      const { code, constraint } = err as { code?: string; constraint?: string };
      if (code === '23505' && constraint === 'users_national_id_key')
        throw BadUserInputError.field('input.nationalId', IDENTITY.nationalIdTaken());
      if (code === '23505' && constraint === 'users_lawyer_license_key') {
        throw BadUserInputError.field('input.lawyerLicense', IDENTITY.lawyerLicenseTaken());
      }
      throw err;
    }
  }

  /**
   * Checks the membership against the organizations and the ability, then inserts it. A person who
   * is not there, or whom the caller may neither read nor seat, answers NOT_FOUND alike.
   */
  private async insertMembership(tx: RequestContext, target: User | null, input: MembershipInput, path: string): Promise<Membership> {
    const fields = {
      courtId: null as string | null,
      circuitId: null as string | null,
      prosecutionOfficeId: null as string | null,
      notaryOfficeId: null as string | null,
    };
    const need = (field: 'courtId' | 'circuitId' | 'prosecutionOfficeId' | 'notaryOfficeId'): string => {
      const value = input[field];
      if (typeof value !== 'string') throw BadUserInputError.field(`${path}.${field}`, IDENTITY.requiredForRole({ role: input.role }));
      return value;
    };
    switch (input.role) {
      case Role.JUDGE: {
        const circuit = await this.organizations.findCircuit(tx, need('circuitId'));
        if (!circuit) throw BadUserInputError.field(`${path}.circuitId`, IDENTITY.noSuchCircuit());
        fields.circuitId = circuit.id;
        fields.courtId = circuit.courtId;
        break;
      }
      case Role.CLERK:
      case Role.COURT_ADMIN:
        fields.courtId = need('courtId');
        break;
      case Role.PROSECUTOR:
        fields.prosecutionOfficeId = need('prosecutionOfficeId');
        break;
      case Role.NOTARY:
        fields.notaryOfficeId = need('notaryOfficeId');
        break;
      case Role.CITIZEN:
      case Role.LAWYER:
      case Role.SYSTEM_ADMIN:
        throw BadUserInputError.field(`${path}.role`, IDENTITY.notThroughOrganization({ role: input.role }));
    }
    if (!target) throw new NotFoundError(IDENTITY.userNotFound());
    const userId = target.id;
    const shape = MembershipSubject.shapeOf({ userId, courtId: fields.courtId, role: input.role, memberRoles: target.roles });
    if (!can(tx, 'create', 'Membership', shape) && !can(tx, 'read', 'User', await UserSubject.shape(tx, target))) {
      throw new NotFoundError(IDENTITY.userNotFound());
    }
    authorize(tx, 'create', 'Membership', shape);
    try {
      return await tx.repo(Membership).save(tx.repo(Membership).create({ userId, role: input.role, ...fields }));
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === '23505') throw BadUserInputError.field(path, IDENTITY.membershipHeld());
      if (code === '23503') throw BadUserInputError.field(path, IDENTITY.organizationMissing());
      throw err;
    }
  }
}
