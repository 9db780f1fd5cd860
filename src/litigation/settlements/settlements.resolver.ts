import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequestLoaders } from '../../access/context/ctx.decorator';
import type { RequestContext } from '../../access/context/request-context';
import { Can, SignedIn } from '../../access/policy.decorator';
import { groupBy, loader, Loaders } from '../../core/graphql/loaders';
import { Lawsuit } from '../lawsuits/lawsuit.entity';
import { Settlement, SettlementConsent } from './settlement.entity';
import { ConsentToSettlementInput, ProposeSettlementInput } from './settlement.inputs';
import { SettlementsService } from './settlements.service';

@Resolver(() => Settlement)
export class SettlementsResolver {
  constructor(private readonly settlements: SettlementsService) {}

  @SignedIn()
  @Mutation(() => Settlement, {
    description:
      'A party (or an agent with LIT_RECONCILE) or the circuit’s judge proposes a settlement’s terms; a pending one is superseded.',
  })
  proposeSettlement(@Ctx() ctx: RequestContext, @Args('input') input: ProposeSettlementInput): Promise<Settlement> {
    return this.settlements.propose(ctx, input);
  }

  @SignedIn()
  @Mutation(() => Settlement, {
    description: 'A party consents to the settlement, with a fresh one-time code, as it would sign a contract.',
  })
  consentToSettlement(@Ctx() ctx: RequestContext, @Args('input') input: ConsentToSettlementInput): Promise<Settlement> {
    return this.settlements.consent(ctx, input);
  }

  @Can('judge', 'Lawsuit')
  @Mutation(() => Settlement, { description: 'The circuit’s judge approves a settlement every party consented to: the case is SETTLED.' })
  approveSettlement(@Ctx() ctx: RequestContext, @Args('settlementId', { type: () => ID }) settlementId: string): Promise<Settlement> {
    return this.settlements.approve(ctx, settlementId);
  }

  @ResolveField(() => [SettlementConsent], { description: 'The parties’ consents, in the order given.' })
  consents(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() settlement: Settlement): Promise<SettlementConsent[]> {
    return loader(loaders, 'settlementConsents', async (ids) =>
      groupBy(ids, await this.settlements.consentsOf(ctx, ids), (c) => c.settlementId),
    ).load(settlement.id);
  }
}

@Resolver(() => Lawsuit)
export class LawsuitSettlementsResolver {
  constructor(private readonly service: SettlementsService) {}

  @ResolveField(() => [Settlement], { description: 'The settlements proposed in the case, newest first.' })
  settlements(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() lawsuit: Lawsuit): Promise<Settlement[]> {
    return loader(loaders, 'lawsuitSettlements', async (ids) =>
      groupBy(ids, await this.service.ofLawsuits(ctx, ids), (s) => s.lawsuitId),
    ).load(lawsuit.id);
  }
}
