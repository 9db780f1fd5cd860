import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { can } from '../../access/authorize';
import { LawsuitPartySubject } from '../litigation.subjects';
import { Can } from '../../access/policy.decorator';
import type { RequestContext } from '../../access/context/request-context';
import { Ctx, RequestLoaders } from '../../access/context/ctx.decorator';
import { groupBy, loader, Loaders } from '../../core/graphql/loaders';
import { Lawsuit } from '../lawsuits/lawsuit.entity';
import { ExecutionRequest } from './execution-request.entity';
import { Judgment } from './judgment.entity';
import { DecideAppealInput, FileObjectionInput, IssueJudgmentInput, RecordJudgmentServiceInput } from './judgment.inputs';
import { JudgmentsService } from './judgments.service';
import { ObjectionClock, PartyWindow } from './objection-clock.service';
import { ObjectionWindowState, PartyObjectionWindow } from './objection-window.model';
import { Objection } from './objection.entity';

@Resolver(() => Judgment)
export class JudgmentsResolver {
  constructor(private readonly judgments: JudgmentsService) {}

  @Can('judge', 'Lawsuit')
  @Mutation(() => Judgment, { description: 'A judge of the circuit issues the judgment after a held hearing.' })
  issueJudgment(@Ctx() ctx: RequestContext, @Args('input') input: IssueJudgmentInput): Promise<Judgment> {
    return this.judgments.issue(ctx, input);
  }

  @Can('object', 'Lawsuit')
  @Mutation(() => Objection, { description: 'A party objects within the window (else DEADLINE_PASSED).' })
  fileObjection(@Ctx() ctx: RequestContext, @Args('input') input: FileObjectionInput): Promise<Objection> {
    return this.judgments.fileObjection(ctx, input);
  }

  @Can('decide', 'Objection')
  @Mutation(() => Objection, { description: 'A judge of the appeal court upholds, overturns or amends; the judgment is then final.' })
  decideAppeal(@Ctx() ctx: RequestContext, @Args('input') input: DecideAppealInput): Promise<Objection> {
    return this.judgments.decideAppeal(ctx, input);
  }

  @Can('serve', 'Lawsuit')
  @Mutation(() => PartyObjectionWindow, {
    description: 'A clerk of the court records a party’s service of the judgment outside the platform; their window runs from it.',
  })
  async recordJudgmentService(@Ctx() ctx: RequestContext, @Args('input') input: RecordJudgmentServiceInput): Promise<PartyObjectionWindow> {
    return view(await this.judgments.recordService(ctx, input));
  }

  @Can('object', 'Lawsuit')
  @Mutation(() => PartyObjectionWindow, {
    description:
      'A party (or their agent with the power to object) accepts the judgment (القناعة بالحكم): its window closes unused; the judgment is final once every window is closed and no one objected.',
  })
  async acceptJudgment(
    @Ctx() ctx: RequestContext,
    @Args('lawsuitId', { type: () => ID }) lawsuitId: string,
  ): Promise<PartyObjectionWindow> {
    return view(await this.judgments.acceptJudgment(ctx, lawsuitId));
  }

  @Can('execute', 'Lawsuit')
  @Mutation(() => ExecutionRequest, { description: 'The party the final judgment favours requests its execution.' })
  requestExecution(@Ctx() ctx: RequestContext, @Args('lawsuitId', { type: () => ID }) lawsuitId: string): Promise<ExecutionRequest> {
    return this.judgments.requestExecution(ctx, lawsuitId);
  }

  @Can('execute', 'Lawsuit')
  @Mutation(() => Lawsuit, {
    description: 'The party the judgment favours acknowledges its execution fulfilled: the case is closed (EXECUTION_REQUESTED → CLOSED).',
  })
  acknowledgeExecutionFulfilled(@Ctx() ctx: RequestContext, @Args('lawsuitId', { type: () => ID }) lawsuitId: string): Promise<Lawsuit> {
    return this.judgments.acknowledgeFulfilment(ctx, lawsuitId);
  }
}

@Resolver(() => Lawsuit)
export class LawsuitJudgmentResolver {
  constructor(private readonly judgments: JudgmentsService) {}

  @ResolveField(() => Judgment, { nullable: true })
  judgment(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() lawsuit: Lawsuit): Promise<Judgment | null> {
    return loader(loaders, 'lawsuitJudgment', async (ids) => {
      const rows = await this.judgments.judgmentsOf(ctx, ids);
      return ids.map((id) => rows.find((j) => j.lawsuitId === id) ?? null);
    }).load(lawsuit.id);
  }

  @ResolveField(() => [Objection])
  objections(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() lawsuit: Lawsuit): Promise<Objection[]> {
    return loader(loaders, 'lawsuitObjections', async (ids) =>
      groupBy(ids, await this.judgments.objectionsOf(ctx, ids), (o) => o.lawsuitId),
    ).load(lawsuit.id);
  }

  @ResolveField(() => [ExecutionRequest], { description: 'The requests to execute its final judgment, oldest first.' })
  executionRequests(
    @Ctx() ctx: RequestContext,
    @RequestLoaders() loaders: Loaders,
    @Parent() lawsuit: Lawsuit,
  ): Promise<ExecutionRequest[]> {
    return loader(loaders, 'lawsuitExecutionRequests', async (ids) =>
      groupBy(ids, await this.judgments.executionRequestsOf(ctx, ids), (r) => r.lawsuitId),
    ).load(lawsuit.id);
  }
}

@Resolver(() => Judgment)
export class JudgmentWindowsResolver {
  constructor(private readonly clock: ObjectionClock) {}

  @ResolveField(() => [PartyObjectionWindow], {
    description:
      'Each party’s service and objection deadline: every party for court staff of the case, one’s own party (or the party one represents) otherwise.',
  })
  async objectionWindows(
    @Ctx() ctx: RequestContext,
    @RequestLoaders() loaders: Loaders,
    @Parent() judgment: Judgment,
  ): Promise<PartyObjectionWindow[]> {
    const windows = await this.windows(ctx, loaders, judgment.id);
    return windows.filter((w) => mayReadWindow(ctx, w)).map(view);
  }

  @ResolveField(() => PartyObjectionWindow, {
    nullable: true,
    description: 'The caller’s own window as a party (or that of the party they represent); null for anyone else.',
  })
  async myObjectionWindow(
    @Ctx() ctx: RequestContext,
    @RequestLoaders() loaders: Loaders,
    @Parent() judgment: Judgment,
  ): Promise<PartyObjectionWindow | null> {
    const windows = await this.windows(ctx, loaders, judgment.id);
    const own =
      windows.find((w) => ctx.actor && w.nationalId === ctx.actor.nationalId) ??
      windows.find((w) => ctx.actor && w.representativeId === ctx.actor.id);
    return own ? view(own) : null;
  }

  private windows(ctx: RequestContext, loaders: Loaders, judgmentId: string): Promise<PartyWindow[]> {
    return loader(loaders, 'judgmentWindows', async (ids) => groupBy(ids, await this.clock.windowsOf(ctx, ids), (w) => w.judgmentId)).load(
      judgmentId,
    );
  }
}

/** A party's row shows to whoever may read that party's national ID (court staff, the party) and to their representative. */
function mayReadWindow(ctx: RequestContext, w: PartyWindow): boolean {
  if (ctx.actor && w.representativeId === ctx.actor.id) return true;
  return can(ctx, 'read', 'LawsuitParty', LawsuitPartySubject.shapeOf(w), 'nationalId');
}

function view(w: PartyWindow): PartyObjectionWindow {
  return {
    partyId: w.partyId,
    side: w.side,
    nameAr: w.nameAr,
    nameEn: w.nameEn,
    servedAt: w.servedAt,
    servedChannel: w.servedChannel,
    serviceMethod: w.serviceMethod,
    serviceReference: w.serviceReference,
    objectionDeadline: w.objectionDeadline,
    remindedAt: w.remindedAt,
    acceptedAt: w.acceptedAt,
    state: ObjectionWindowState[w.state],
    deadline: w.deadline,
  };
}
