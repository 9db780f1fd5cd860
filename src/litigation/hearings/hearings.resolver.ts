import { Args, Field, GraphQLISODateTime, ID, Info, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../../core/graphql/graphql-context';
import { fieldNames, fieldSelection, subSelection } from '../../core/graphql/selection';
import { Can, Public, SignedIn } from '../../access/policy.decorator';
import type { RequestContext } from '../../access/context/request-context';
import { Ctx, RequestLoaders } from '../../access/context/ctx.decorator';
import { BadUserInputError } from '../../core/errors/domain-error';
import { groupBy, loader, Loaders } from '../../core/graphql/loaders';
import { Lawsuit } from '../lawsuits/lawsuit.entity';
import { LawsuitsService } from '../lawsuits/lawsuits.service';
import { HearingAttendance } from './hearing-attendance.entity';
import { HearingMode, HearingState } from './hearing.enums';
import { Hearing } from './hearing.entity';
import { CancelHearingInput, DocketInput, PostponeHearingInput, RecordMinutesInput, ScheduleHearingInput } from './hearing.inputs';
import { type DocketHearing, HearingReads } from './hearing-reads.service';
import { HearingsService } from './hearings.service';
import { LITIGATION } from '../litigation-messages';

@ObjectType({ description: 'A line of the public cause list: no party names, nothing sealed.' })
export class CauseListEntry {
  @Field(() => GraphQLISODateTime)
  startsAt!: Date;

  @Field(() => GraphQLISODateTime)
  endsAt!: Date;

  @Field()
  caseNumber!: string;

  @Field()
  circuitCode!: string;

  @Field(() => HearingMode)
  mode!: HearingMode;

  @Field(() => String, { nullable: true })
  room!: string | null;

  @Field(() => HearingState)
  state!: HearingState;
}

@Resolver(() => Hearing)
export class HearingsResolver {
  constructor(
    private readonly hearings: HearingsService,
    private readonly reads: HearingReads,
    private readonly lawsuits: LawsuitsService,
  ) {}

  @Can('schedule', 'Hearing')
  @Mutation(() => Hearing, {
    description: 'Schedules a hearing; a clash with another of the circuit or judge answers HEARING_CONFLICT with the next free slot.',
  })
  scheduleHearing(@Ctx() ctx: RequestContext, @Args('input') input: ScheduleHearingInput): Promise<Hearing> {
    return this.hearings.schedule(ctx, input);
  }

  @Can('schedule', 'Hearing')
  @Mutation(() => Hearing, { description: 'Postpones a hearing; answers the new, linked hearing.' })
  postponeHearing(@Ctx() ctx: RequestContext, @Args('input') input: PostponeHearingInput): Promise<Hearing> {
    return this.hearings.postpone(ctx, input);
  }

  @Can('schedule', 'Hearing')
  @Mutation(() => Hearing)
  cancelHearing(@Ctx() ctx: RequestContext, @Args('input') input: CancelHearingInput): Promise<Hearing> {
    return this.hearings.cancel(ctx, input);
  }

  @Can('record', 'Hearing')
  @Mutation(() => Hearing, { description: 'The minutes and attendance of a hearing; it is then HELD.' })
  recordHearingMinutes(@Ctx() ctx: RequestContext, @Args('input') input: RecordMinutesInput): Promise<Hearing> {
    return this.hearings.recordMinutes(ctx, input);
  }

  @SignedIn()
  @Mutation(() => Hearing, { description: 'A party registers attendance at a remote hearing (from 15 minutes before) and gets the link.' })
  registerHearingAttendance(@Ctx() ctx: RequestContext, @Args('hearingId', { type: () => ID }) hearingId: string): Promise<Hearing> {
    return this.hearings.registerAttendance(ctx, hearingId);
  }

  @Can('read', 'Hearing')
  @Query(() => [Hearing], { description: "Hearings by day: a judge's circuits, a clerk's court." })
  docket(@Ctx() ctx: RequestContext, @Args('input') input: DocketInput, @Info() info: GraphQLResolveInfo): Promise<Hearing[]> {
    const lawsuit = subSelection(info, 'lawsuit');
    const parties = lawsuit && subSelection(lawsuit, 'parties');
    return this.reads.docket(ctx, input, {
      hearing: fieldNames(fieldSelection(info)),
      lawsuit: lawsuit && fieldNames(lawsuit),
      parties: parties && fieldNames(parties),
    });
  }

  @Public()
  @Query(() => [CauseListEntry], { description: "A court's public cause list for a day (Riyadh)." })
  causeList(@Ctx() ctx: RequestContext, @Args('courtCode') courtCode: string, @Args('date') date: string): Promise<CauseListEntry[]> {
    if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(date)) throw BadUserInputError.field('date', LITIGATION.dayShort());
    return this.reads.causeList(ctx, courtCode, date);
  }

  @ResolveField(() => String, { nullable: true, description: 'For court staff, and for parties once they registered attendance.' })
  meetingLink(@Ctx() ctx: RequestContext, @Parent() hearing: Hearing): Promise<string | null> {
    return this.reads.meetingLinkFor(ctx, hearing);
  }

  @ResolveField(() => String, { nullable: true, description: 'Null where the caller may not read the case (a sealed one).' })
  minutes(
    @Ctx() ctx: RequestContext,
    @RequestLoaders() loaders: Loaders,
    @Parent() hearing: Hearing,
  ): string | null | Promise<string | null> {
    // Rows of the docket come without their minutes: loaded here, batched, only when asked for.
    if (hearing.minutes !== undefined) return hearing.minutes;
    return loader(loaders, 'hearingMinutes', (ids) => this.reads.minutesOf(ctx, ids)).load(hearing.id);
  }

  @ResolveField(() => [HearingAttendance], { description: 'Empty where the caller may not read the case (a sealed one).' })
  attendance(
    @Ctx() ctx: RequestContext,
    @RequestLoaders() loaders: Loaders,
    @Parent() hearing: DocketHearing,
  ): HearingAttendance[] | Promise<HearingAttendance[]> {
    // A docket line already knows whether the caller may read its case.
    if (hearing.caseReadable === false) return [];
    return loader(loaders, 'hearingAttendance', async (ids) =>
      groupBy(ids, await this.reads.attendanceOf(ctx, ids), (a) => a.hearingId),
    ).load(hearing.id);
  }

  @ResolveField(() => Lawsuit, {
    nullable: true,
    description: 'The case (number, parties), when the caller may read it: a sealed case only for its assigned judge.',
  })
  lawsuit(
    hearing: DocketHearing,
    _args: unknown,
    { ctx, loaders }: GraphQLContext<RequestContext>,
  ): Lawsuit | null | Promise<Lawsuit | null> {
    // Docket lines come with their lawsuit, read in the same statement under the same rules.
    if (hearing.preloadedLawsuit !== undefined) return hearing.preloadedLawsuit;
    return loader(loaders, 'readableLawsuitById', async (ids) => {
      const rows = await this.lawsuits.readableByIds(ctx, ids);
      return ids.map((id) => rows.find((l) => l.id === id) ?? null);
    }).load(hearing.lawsuitId);
  }
}

@Resolver(() => Lawsuit)
export class LawsuitHearingsResolver {
  constructor(private readonly reads: HearingReads) {}

  @ResolveField(() => [Hearing], { name: 'hearings' })
  hearingsOfLawsuit(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() lawsuit: Lawsuit): Promise<Hearing[]> {
    return loader(loaders, 'lawsuitHearings', async (ids) => groupBy(ids, await this.reads.hearingsOf(ctx, ids), (h) => h.lawsuitId)).load(
      lawsuit.id,
    );
  }
}
