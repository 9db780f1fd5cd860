import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { can } from '../access/authorize';
import { Can } from '../access/policy.decorator';
import type { RequestContext } from '../access/context/request-context';
import { Ctx } from '../access/context/ctx.decorator';
import { Connection, ConnectionShape, PageArgs } from '../core/graphql/pagination';
import { AddMembershipInput, CreateUserInput, SetUserStatusInput, UsersFilter } from './identity.inputs';
import { UserView } from './identity.models';
import { Membership } from './membership.entity';
import { maskNationalId } from '../core/validation/national-id';
import { UserStatus } from '../access/role.enum';
import { UserSubject } from './identity.subjects';
import { UsersService } from './users.service';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';
import { ForbiddenError } from '../core/errors/domain-error';
import { IDENTITY } from './identity-messages';

const UserConnection = Connection(UserView, 'User');

/** Field masking by rule: the viewer's ability decides whether a personal field shows. */
function mayRead(ctx: RequestContext, user: UserView, field: string): boolean {
  return can({ ability: user.viewerAbility ?? ctx.ability }, 'read', 'User', UserSubject.shapeOf(user), field);
}

@Resolver(() => UserView)
export class UsersResolver {
  constructor(
    private readonly users: UsersService,
    @Inject(ADL_CONFIG) private readonly config: AdlConfig,
  ) {}

  @Can('read', 'User')
  @Query(() => UserConnection, { name: 'users', description: 'Users the caller may see, newest first.' })
  listUsers(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true, type: () => UsersFilter }) filter?: UsersFilter,
  ): Promise<ConnectionShape<UserView>> {
    return this.users.list(ctx, filter ?? {}, page.first, page.after);
  }

  @Can('read', 'User')
  @Query(() => UserView)
  user(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<UserView> {
    return this.users.user(ctx, id);
  }

  @Can('create', 'User')
  @Mutation(() => UserView, {
    description:
      'Creates a user with roles, memberships and a password the administrator sets: for development and tests. In production it answers FORBIDDEN; staff are invited (inviteStaff) and choose their own password.',
  })
  createUser(@Ctx() ctx: RequestContext, @Args('input') input: CreateUserInput): Promise<UserView> {
    // Nobody but the person knows their password in production (docs/identity.md, "Ways back in").
    if (this.config.env === 'production') throw new ForbiddenError(IDENTITY.staffInvitedOnly());
    return this.users.createUser(ctx, input);
  }

  @Can('update', 'User')
  @Mutation(() => UserView, { description: 'Enables or disables an account; disabling ends its sessions.' })
  setUserStatus(@Ctx() ctx: RequestContext, @Args('input') input: SetUserStatusInput): Promise<UserView> {
    return this.users.setStatus(ctx, input.userId, input.status);
  }

  @Can('create', 'Membership')
  @Mutation(() => Membership, {
    description: 'Makes a user a judge of a circuit, clerk or admin of a court, prosecutor or notary of an office.',
  })
  addMembership(@Ctx() ctx: RequestContext, @Args('input') input: AddMembershipInput): Promise<Membership> {
    return this.users.addMembership(ctx, input.userId, input);
  }

  @Can('delete', 'Membership')
  @Mutation(() => Boolean)
  removeMembership(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.users.removeMembership(ctx, id);
  }

  @ResolveField(() => String)
  nationalId(@Ctx() ctx: RequestContext, @Parent() user: UserView): string {
    return mayRead(ctx, user, 'nationalId') ? user.nationalId : maskNationalId(user.nationalId);
  }

  @ResolveField(() => String, { nullable: true })
  phone(@Ctx() ctx: RequestContext, @Parent() user: UserView): string | null {
    return mayRead(ctx, user, 'phone') ? user.phone : null;
  }

  @ResolveField(() => String, { nullable: true })
  email(@Ctx() ctx: RequestContext, @Parent() user: UserView): string | null {
    return mayRead(ctx, user, 'email') ? user.email : null;
  }

  @ResolveField(() => UserStatus, { nullable: true })
  status(@Ctx() ctx: RequestContext, @Parent() user: UserView): UserStatus | null {
    return mayRead(ctx, user, 'status') ? user.status : null;
  }

  @ResolveField(() => String, { nullable: true })
  lawyerLicense(@Ctx() ctx: RequestContext, @Parent() user: UserView): string | null {
    return mayRead(ctx, user, 'lawyerLicense') ? user.lawyerLicense : null;
  }

  @ResolveField(() => Boolean, { nullable: true })
  twoFactorEnabled(@Ctx() ctx: RequestContext, @Parent() user: UserView): boolean | null {
    return mayRead(ctx, user, 'twoFactorEnabled') ? user.twoFactorEnabled : null;
  }
}
