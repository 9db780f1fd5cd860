import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Can, Public, SignedIn } from '../../access/policy.decorator';
import type { RequestContext } from '../../access/context/request-context';
import { Ctx, RequestLoaders } from '../../access/context/ctx.decorator';
import { groupBy, loader, Loaders } from '../../core/graphql/loaders';
import { Connection, ConnectionShape, PageArgs } from '../../core/graphql/pagination';
import { Bill, BillsService } from '../../payments';
import { PoaState } from './poa.enums';
import {
  ConfirmPowerOfAttorneyInput,
  DelegatePowerOfAttorneyInput,
  IssuePowerOfAttorneyInput,
  MyPowersOfAttorneyFilter,
  OfficePowersOfAttorneyFilter,
  ReplicatePowerOfAttorneyInput,
  RevokePowerOfAttorneyInput,
  WithdrawFromPowerOfAttorneyInput,
} from './poa.inputs';
import { IssuedPowerOfAttorney, PowerOfAttorneyVerification } from './poa.models';
import { PowerCatalogueEntry } from './power-catalogue.entity';
import { PoaAgent, PoaPower, PoaPrincipal, PowerOfAttorney } from './power-of-attorney.entity';
import { PowerOfAttorneyConfirmations } from './poa-confirmations.service';
import { PowerOfAttorneyDelegation } from './poa-delegation.service';
import { PowerOfAttorneyIssuing } from './poa-issuing.service';
import { PowerOfAttorneyRevocation } from './poa-revocation.service';
import { PowerOfAttorneyReads } from './powers-of-attorney-reads.service';

const PowerOfAttorneyConnection = Connection(PowerOfAttorney, 'PowerOfAttorney');

@Resolver(() => PowerOfAttorney)
export class PowersOfAttorneyResolver {
  constructor(
    private readonly issuing: PowerOfAttorneyIssuing,
    private readonly confirmations: PowerOfAttorneyConfirmations,
    private readonly revocation: PowerOfAttorneyRevocation,
    private readonly delegation: PowerOfAttorneyDelegation,
    private readonly reads: PowerOfAttorneyReads,
    private readonly billing: BillsService,
  ) {}

  @Can('create', 'PowerOfAttorney')
  @Mutation(() => IssuedPowerOfAttorney, {
    description:
      'A notary issues (give notaryOfficeId) or a citizen self-issues with a fresh TOTP code (otp). With a fee (notaryFeeSchedule) it is a DRAFT, billed to its principal, and in force once paid.',
  })
  issuePowerOfAttorney(@Ctx() ctx: RequestContext, @Args('input') input: IssuePowerOfAttorneyInput): Promise<IssuedPowerOfAttorney> {
    return this.issuing.issue(ctx, input);
  }

  @SignedIn()
  @Mutation(() => PowerOfAttorney, { description: 'A principal of a draft confirms it with a fresh TOTP code.' })
  confirmPowerOfAttorney(@Ctx() ctx: RequestContext, @Args('input') input: ConfirmPowerOfAttorneyInput): Promise<PowerOfAttorney> {
    return this.confirmations.confirm(ctx, input);
  }

  @SignedIn()
  @Mutation(() => PowerOfAttorney, { description: 'Revokes the whole power of attorney, or only some agents and/or powers.' })
  revokePowerOfAttorney(@Ctx() ctx: RequestContext, @Args('input') input: RevokePowerOfAttorneyInput): Promise<PowerOfAttorney> {
    return this.revocation.revoke(ctx, input);
  }

  @SignedIn()
  @Mutation(() => PowerOfAttorney, { description: 'The calling agent steps down (تنحي); the other agents stay.' })
  withdrawFromPowerOfAttorney(
    @Ctx() ctx: RequestContext,
    @Args('input') input: WithdrawFromPowerOfAttorneyInput,
  ): Promise<PowerOfAttorney> {
    return this.revocation.withdraw(ctx, input);
  }

  @SignedIn()
  @Mutation(() => IssuedPowerOfAttorney, { description: "An agent with the right to delegate issues a child within the parent's bounds." })
  delegatePowerOfAttorney(@Ctx() ctx: RequestContext, @Args('input') input: DelegatePowerOfAttorneyInput): Promise<IssuedPowerOfAttorney> {
    return this.delegation.delegate(ctx, input);
  }

  @Can('create', 'PowerOfAttorney')
  @Mutation(() => IssuedPowerOfAttorney, { description: 'A new power of attorney from the terms still in force of an old one.' })
  replicatePowerOfAttorney(
    @Ctx() ctx: RequestContext,
    @Args('input') input: ReplicatePowerOfAttorneyInput,
  ): Promise<IssuedPowerOfAttorney> {
    return this.delegation.replicate(ctx, input);
  }

  @SignedIn()
  @Query(() => PowerOfAttorney, { description: 'For its principals, agents and the issuing notary office.' })
  powerOfAttorney(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<PowerOfAttorney> {
    return this.reads.get(ctx, id);
  }

  @SignedIn()
  @Query(() => PowerOfAttorneyConnection, { description: "The caller's powers of attorney, as principal and as agent, newest first." })
  myPowersOfAttorney(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true, type: () => MyPowersOfAttorneyFilter }) filter?: MyPowersOfAttorneyFilter,
  ): Promise<ConnectionShape<PowerOfAttorney>> {
    return this.reads.mine(ctx, filter?.as, page.first, page.after);
  }

  @Can('read', 'PowerOfAttorney')
  @Query(() => PowerOfAttorneyConnection, {
    description: "A notary office's register, newest first: all of it for the office's notaries, only what names them for anyone else.",
  })
  notaryOfficePowersOfAttorney(
    @Ctx() ctx: RequestContext,
    @Args('notaryOfficeId', { type: () => ID }) notaryOfficeId: string,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true, type: () => OfficePowersOfAttorneyFilter }) filter?: OfficePowersOfAttorneyFilter,
  ): Promise<ConnectionShape<PowerOfAttorney>> {
    return this.reads.ofOffice(ctx, notaryOfficeId, filter ?? {}, page.first, page.after);
  }

  @Public()
  @Query(() => PowerOfAttorneyVerification, { description: 'Anyone: status, masked names, powers and validity, by number and code.' })
  verifyPowerOfAttorney(
    @Ctx() ctx: RequestContext,
    @Args('number') number: string,
    @Args('code') code: string,
  ): Promise<PowerOfAttorneyVerification> {
    return this.reads.verify(ctx, number, code);
  }

  @Public()
  @Query(() => [PowerCatalogueEntry], { description: 'The catalogue of powers (بنود الوكالة), in Arabic and English.' })
  powerCatalogue(
    @Ctx() ctx: RequestContext,
    @Args('version', { type: () => Int, nullable: true }) version?: number,
  ): Promise<PowerCatalogueEntry[]> {
    return this.reads.catalogue(ctx, version ?? undefined);
  }

  @ResolveField(() => PoaState, { description: 'As of now: expired or lapsed as soon as the time passes.' })
  state(@Ctx() ctx: RequestContext, @Parent() poa: PowerOfAttorney): PoaState {
    return this.reads.stateOf(ctx, poa);
  }

  @ResolveField(() => String, { nullable: true, description: 'Shown to the principals and the issuing notary office.' })
  verificationCode(@Ctx() ctx: RequestContext, @Parent() poa: PowerOfAttorney): Promise<string | null> {
    return this.reads.verificationCodeFor(ctx, poa);
  }

  @ResolveField(() => [Bill], { description: 'Its bills the caller pays (the fee of issuing it), oldest first; others see none.' })
  bills(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() poa: PowerOfAttorney): Promise<Bill[]> {
    return loader(loaders, 'poaBills', async (ids) =>
      groupBy(ids, await this.billing.ofSubjects(ctx, 'PowerOfAttorney', ids), (b) => b.subjectId),
    ).load(poa.id);
  }

  @ResolveField(() => [PoaPrincipal])
  principals(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() poa: PowerOfAttorney): Promise<PoaPrincipal[]> {
    return loader(loaders, 'poaPrincipals', async (ids) => groupBy(ids, await this.reads.principalsOf(ctx, ids), (p) => p.poaId)).load(
      poa.id,
    );
  }

  @ResolveField(() => [PoaAgent])
  agents(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() poa: PowerOfAttorney): Promise<PoaAgent[]> {
    return loader(loaders, 'poaAgents', async (ids) => groupBy(ids, await this.reads.agentsOf(ctx, ids), (a) => a.poaId)).load(poa.id);
  }

  @ResolveField(() => [PoaPower])
  powers(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() poa: PowerOfAttorney): Promise<PoaPower[]> {
    return loader(loaders, 'poaPowers', async (ids) => groupBy(ids, await this.reads.powersOf(ctx, ids), (p) => p.poaId)).load(poa.id);
  }
}
