import { Args, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../access/context/request-context';
import { Ctx } from '../../access/context/ctx.decorator';
import { Public } from '../../access/policy.decorator';
import { BadUserInputError } from '../../core/errors/domain-error';
import { FIELD } from '../../core/i18n/core-messages';
import { isIsoDay } from '../../core/validation/iso-day';
import { notaryFeeScheduleOn } from './notary-fee-rules';
import { NotaryFeeScheduleRule } from './notary-fee-rules.models';

/** The notary fees as the code applies them, for anyone. */
@Resolver()
export class NotaryFeesResolver {
  @Public()
  @Query(() => NotaryFeeScheduleRule, {
    nullable: true,
    description:
      'The notary-fee schedule in force on a day (YYYY-MM-DD, UTC; default today): the fee of each contract type and when it is paid, each with its legal basis. Null before the first schedule.',
  })
  notaryFeeSchedule(@Ctx() ctx: RequestContext, @Args('on', { nullable: true }) on?: string): NotaryFeeScheduleRule | null {
    if (on !== undefined && on !== null && !isIsoDay(on)) throw BadUserInputError.field('on', FIELD.day());
    return notaryFeeScheduleOn(on ?? ctx.now().toISOString().slice(0, 10));
  }
}
