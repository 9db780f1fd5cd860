import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../access/policy.decorator';
import type { RequestContext } from '../access/context/request-context';
import { Ctx } from '../access/context/ctx.decorator';
import { OrganizationsService } from './organizations.service';
import { CourtWorkingCalendar } from './working-calendar.models';

/** A court's working calendar and the standard it follows, for anyone. */
@Resolver()
export class WorkingCalendarResolver {
  constructor(private readonly orgs: OrganizationsService) {}

  @Public()
  @Query(() => CourtWorkingCalendar, {
    description:
      'A court’s working days, hours, time zone and holidays (from `from`, default today, to `to`, default a year on; YYYY-MM-DD), with the standard calendar and its legal basis.',
  })
  workingCalendar(
    @Ctx() ctx: RequestContext,
    @Args('courtId', { type: () => ID }) courtId: string,
    @Args('from', { nullable: true }) from?: string,
    @Args('to', { nullable: true }) to?: string,
  ): Promise<CourtWorkingCalendar> {
    return this.orgs.workingCalendar(ctx, courtId, from ?? undefined, to ?? undefined);
  }
}
