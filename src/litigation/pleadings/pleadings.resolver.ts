import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Can } from '../../access/policy.decorator';
import type { RequestContext } from '../../access/context/request-context';
import { Ctx, RequestLoaders } from '../../access/context/ctx.decorator';
import { groupBy, loader, Loaders } from '../../core/graphql/loaders';
import { Lawsuit } from '../lawsuits/lawsuit.entity';
import { ClaimWaiver } from './claim-waiver.entity';
import { Memo } from './memo.entity';
import { RespondToWaiverInput, SubmitMemoInput } from './pleading.inputs';
import { PleadingsService } from './pleadings.service';
import { AttachedFile, AttachmentsService } from '../../evidence';

@Resolver(() => Memo)
export class PleadingsResolver {
  constructor(
    private readonly pleadings: PleadingsService,
    private readonly files: AttachmentsService,
  ) {}

  @ResolveField(() => [AttachedFile], { description: 'The uploaded files the memo attaches.' })
  attachments(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() memo: Memo): Promise<AttachedFile[]> {
    return loader(loaders, 'memoAttachments', async (ids) => groupBy(ids, await this.files.ofContexts(ctx, ids), (a) => a.contextId)).load(
      memo.id,
    );
  }

  @Can('plead', 'Lawsuit')
  @Mutation(() => Memo, { description: 'A defendant’s statement of defence, before the first hearing.' })
  submitStatementOfDefence(@Ctx() ctx: RequestContext, @Args('input') input: SubmitMemoInput): Promise<Memo> {
    return this.pleadings.submitDefence(ctx, input.lawsuitId, input.body, input.attachmentIds);
  }

  @Can('plead', 'Lawsuit')
  @Mutation(() => Memo, { description: 'A party’s memo while the case is in hearings.' })
  submitMemo(@Ctx() ctx: RequestContext, @Args('input') input: SubmitMemoInput): Promise<Memo> {
    return this.pleadings.submitMemo(ctx, input.lawsuitId, input.body, input.attachmentIds);
  }

  @Can('waive', 'Lawsuit')
  @Mutation(() => ClaimWaiver, { description: 'The claimant waives the claim (once, a day before the next hearing).' })
  waiveClaim(@Ctx() ctx: RequestContext, @Args('lawsuitId', { type: () => ID }) lawsuitId: string): Promise<ClaimWaiver> {
    return this.pleadings.waiveClaim(ctx, lawsuitId);
  }

  @Can('plead', 'Lawsuit')
  @Mutation(() => ClaimWaiver, { description: 'A defendant who filed a defence accepts or refuses the waiver.' })
  respondToWaiver(@Ctx() ctx: RequestContext, @Args('input') input: RespondToWaiverInput): Promise<ClaimWaiver> {
    return this.pleadings.respondToWaiver(ctx, input.lawsuitId, input.accept);
  }
}

@Resolver(() => Lawsuit)
export class LawsuitPleadingsResolver {
  constructor(private readonly pleadings: PleadingsService) {}

  @ResolveField(() => [Memo])
  memos(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() lawsuit: Lawsuit): Promise<Memo[]> {
    return loader(loaders, 'lawsuitMemos', async (ids) => groupBy(ids, await this.pleadings.memosOf(ctx, ids), (m) => m.lawsuitId)).load(
      lawsuit.id,
    );
  }

  @ResolveField(() => Memo, { nullable: true, description: 'The latest memo or defence (for the docket).' })
  lastMemo(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() lawsuit: Lawsuit): Promise<Memo | null> {
    return loader(loaders, 'lawsuitLastMemo', (ids) => this.pleadings.lastMemos(ctx, ids)).load(lawsuit.id);
  }

  @ResolveField(() => ClaimWaiver, { nullable: true })
  waiver(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() lawsuit: Lawsuit): Promise<ClaimWaiver | null> {
    return loader(loaders, 'lawsuitWaiver', async (ids) => {
      const rows = await this.pleadings.waiverOf(ctx, ids);
      return ids.map((id) => rows.find((w) => w.lawsuitId === id) ?? null);
    }).load(lawsuit.id);
  }
}
