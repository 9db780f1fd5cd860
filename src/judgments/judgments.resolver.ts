import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Can } from '../access/policy.decorator';
import type { RequestContext } from '../core/context/request-context';
import { Ctx, RequestLoaders } from '../core/context/ctx.decorator';
import { groupBy, loader, Loaders } from '../core/graphql/loaders';
import { Lawsuit } from '../lawsuits/lawsuit.entity';
import { ExecutionRequest } from './execution-request.entity';
import { Judgment } from './judgment.entity';
import { DecideAppealInput, FileObjectionInput, IssueJudgmentInput } from './judgment.inputs';
import { JudgmentsService } from './judgments.service';
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

  @Can('execute', 'Lawsuit')
  @Mutation(() => ExecutionRequest, { description: 'The party the final judgment favours requests its execution.' })
  requestExecution(@Ctx() ctx: RequestContext, @Args('lawsuitId', { type: () => ID }) lawsuitId: string): Promise<ExecutionRequest> {
    return this.judgments.requestExecution(ctx, lawsuitId);
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
}
