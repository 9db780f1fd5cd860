import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Can } from '../../access/policy.decorator';
import type { RequestContext } from '../../access/context/request-context';
import { Ctx } from '../../access/context/ctx.decorator';
import { LawsuitOutcomesService } from './lawsuit-outcomes.service';
import { Lawsuit } from './lawsuit.entity';
import { STRUCK_OFF_RESUMPTION } from './struck-off-rules';

@Resolver(() => Lawsuit)
export class LawsuitOutcomesResolver {
  constructor(private readonly outcomes: LawsuitOutcomesService) {}

  @Can('judge', 'Lawsuit')
  @Mutation(() => Lawsuit, { description: 'The judge records a settlement (صلح); the fee is reduced if settled after the first hearing.' })
  settleLawsuit(@Ctx() ctx: RequestContext, @Args('lawsuitId', { type: () => ID }) lawsuitId: string): Promise<Lawsuit> {
    return this.outcomes.settle(ctx, lawsuitId);
  }

  @Can('judge', 'Lawsuit')
  @Mutation(() => Lawsuit, { description: 'The judge strikes the case off (شطب) when the claimant was absent from a held hearing.' })
  strikeOffLawsuit(
    @Ctx() ctx: RequestContext,
    @Args('lawsuitId', { type: () => ID }) lawsuitId: string,
    @Args('hearingId', { type: () => ID }) hearingId: string,
  ): Promise<Lawsuit> {
    return this.outcomes.strikeOff(ctx, lawsuitId, hearingId);
  }

  @Can('resume', 'Lawsuit')
  @Mutation(() => Lawsuit, { description: `The claimant resumes a struck-off case, once, within ${STRUCK_OFF_RESUMPTION.days} days.` })
  resumeLawsuit(@Ctx() ctx: RequestContext, @Args('lawsuitId', { type: () => ID }) lawsuitId: string): Promise<Lawsuit> {
    return this.outcomes.resume(ctx, lawsuitId);
  }
}
