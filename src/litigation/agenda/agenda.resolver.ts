import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../access/context/ctx.decorator';
import type { RequestContext } from '../../access/context/request-context';
import { SignedIn } from '../../access/policy.decorator';
import { Agenda, CalendarFeed } from './agenda.models';
import { AgendaService } from './agenda.service';
import { CalendarFeeds } from './calendar-feeds';

@Resolver()
export class AgendaResolver {
  constructor(
    private readonly agenda: AgendaService,
    private readonly feeds: CalendarFeeds,
  ) {}

  @SignedIn()
  @Query(() => Agenda, {
    description:
      'The caller’s agenda across their own cases and those they act for: hearings ahead (a remote one’s link once check-in opens), deadlines with their countdown, pending actions.',
  })
  myAgenda(@Ctx() ctx: RequestContext): Promise<Agenda> {
    return this.agenda.agendaOf(ctx);
  }

  @SignedIn()
  @Mutation(() => CalendarFeed, {
    description: 'A personal calendar feed of the caller’s agenda (GET /calendar/:token.ics); the previous one stops working.',
  })
  createCalendarFeed(@Ctx() ctx: RequestContext): Promise<CalendarFeed> {
    return this.feeds.create(ctx);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Ends the caller’s calendar feed; false when they had none.' })
  revokeCalendarFeed(@Ctx() ctx: RequestContext): Promise<boolean> {
    return this.feeds.revoke(ctx);
  }
}
