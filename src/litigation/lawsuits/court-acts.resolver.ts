import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { groupBy, loader, Loaders } from '../../core/graphql/loaders';
import { LawsuitTransfer } from './lawsuit-transfer.entity';
import { Ctx, RequestLoaders } from '../../access/context/ctx.decorator';
import type { RequestContext } from '../../access/context/request-context';
import { Can } from '../../access/policy.decorator';
import { CourtActs } from './court-acts.service';
import { Lawsuit } from './lawsuit.entity';
import { SealLawsuitInput, TransferLawsuitInput } from './lawsuit.inputs';

@Resolver(() => Lawsuit)
export class CourtActsResolver {
  constructor(private readonly acts: CourtActs) {}

  @Can('judge', 'Lawsuit')
  @Mutation(() => Lawsuit, {
    description: 'A judge of the circuit seals the case (docs/domain.md, "Sealed cases"), with a reason that is audited.',
  })
  sealLawsuit(@Ctx() ctx: RequestContext, @Args('input') input: SealLawsuitInput): Promise<Lawsuit> {
    return this.acts.seal(ctx, input.lawsuitId, true, input.reason);
  }

  @Can('judge', 'Lawsuit')
  @Mutation(() => Lawsuit, { description: 'A judge of the circuit lifts the seal of a case, with a reason that is audited.' })
  unsealLawsuit(@Ctx() ctx: RequestContext, @Args('input') input: SealLawsuitInput): Promise<Lawsuit> {
    return this.acts.seal(ctx, input.lawsuitId, false, input.reason);
  }

  @Can('judge', 'Lawsuit')
  @Mutation(() => Lawsuit, {
    description:
      'A judge of the circuit transfers a case, before judgment, to another circuit or to the competent court (a new case number there, the old one kept).',
  })
  transferLawsuit(@Ctx() ctx: RequestContext, @Args('input') input: TransferLawsuitInput): Promise<Lawsuit> {
    return this.acts.transfer(ctx, input);
  }

  @ResolveField(() => [LawsuitTransfer], { description: 'Its transfers to other courts or circuits, oldest first.' })
  transfers(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() lawsuit: Lawsuit): Promise<LawsuitTransfer[]> {
    return loader(loaders, 'lawsuitTransfers', async (ids) => groupBy(ids, await this.acts.transfersOf(ctx, ids), (t) => t.lawsuitId)).load(
      lawsuit.id,
    );
  }
}
