import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../../access/policy.decorator';
import type { RequestContext } from '../../access/context/request-context';
import { Ctx } from '../../access/context/ctx.decorator';
import { BadUserInputError } from '../../core/errors/domain-error';
import { isIsoDay } from '../../core/validation/iso-day';
import { feeScheduleOn } from './fee-rules';
import { FeeScheduleRule, StruckOffResumptionRule } from './lawsuit-rules.models';
import { STRUCK_OFF_RESUMPTION } from './struck-off-rules';
import { LITIGATION } from '../litigation-messages';

/** The lawsuit rules as the code applies them, for anyone: the fee schedule and the resumption window. */
@Resolver()
export class LawsuitRulesResolver {
  @Public()
  @Query(() => FeeScheduleRule, {
    nullable: true,
    description:
      'The court-fee schedule in force on a day (YYYY-MM-DD, UTC; default today): tiers, cap, settlement reduction and exemptions, each with its legal basis. Null before the first schedule.',
  })
  feeSchedule(@Ctx() ctx: RequestContext, @Args('on', { nullable: true }) on?: string): FeeScheduleRule | null {
    if (on !== undefined && on !== null && !isIsoDay(on)) throw BadUserInputError.field('on', LITIGATION.day());
    return feeScheduleOn(on ?? ctx.now().toISOString().slice(0, 10));
  }

  @Public()
  @Query(() => StruckOffResumptionRule, { description: 'How long after striking off the claimant may ask, once, to resume the case.' })
  struckOffResumption(): StruckOffResumptionRule {
    return STRUCK_OFF_RESUMPTION;
  }
}
