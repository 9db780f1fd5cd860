import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../access/policy.decorator';
import type { RequestContext } from '../access/context/request-context';
import { Ctx } from '../access/context/ctx.decorator';
import { CourtStatisticsFilter } from './statistics.inputs';
import { CourtStatisticsRow } from './statistics.models';
import { StatisticsService } from './statistics.service';

@Resolver()
export class StatisticsResolver {
  constructor(private readonly statistics: StatisticsService) {}

  @Public()
  @Query(() => [CourtStatisticsRow], {
    description:
      'Public statistics per court, category and month of filing (Asia/Riyadh), by default over the last 12 months: ' +
      'filed, registered, disposed, pending, median days to judgment and the share of hearings postponed. No party data.',
  })
  courtStatistics(
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true, type: () => CourtStatisticsFilter }) filter?: CourtStatisticsFilter,
  ): Promise<CourtStatisticsRow[]> {
    return this.statistics.courtStatistics(ctx, filter ?? {});
  }
}
