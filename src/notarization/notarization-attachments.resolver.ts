/** The uploaded files a contract or a power of attorney attaches (docs/evidence.md), read with the record. */
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../access/context/request-context';
import { Ctx, RequestLoaders } from '../access/context/ctx.decorator';
import { groupBy, loader, Loaders } from '../core/graphql/loaders';
import { AttachedFile, AttachmentsService } from '../evidence';
import { Contract } from './contracts/contract.entity';
import { PowerOfAttorney } from './powers-of-attorney/power-of-attorney.entity';

@Resolver(() => Contract)
export class ContractAttachmentsResolver {
  constructor(private readonly files: AttachmentsService) {}

  @ResolveField(() => [AttachedFile], { description: 'The uploaded files the contract attaches.' })
  attachments(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() contract: Contract): Promise<AttachedFile[]> {
    return loader(loaders, 'contractAttachments', async (ids) =>
      groupBy(ids, await this.files.ofSubjects(ctx, 'Contract', ids), (a) => a.subjectId),
    ).load(contract.id);
  }
}

@Resolver(() => PowerOfAttorney)
export class PowerOfAttorneyAttachmentsResolver {
  constructor(private readonly files: AttachmentsService) {}

  @ResolveField(() => [AttachedFile], { description: 'The uploaded files the power of attorney attaches.' })
  attachments(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() poa: PowerOfAttorney): Promise<AttachedFile[]> {
    return loader(loaders, 'powerOfAttorneyAttachments', async (ids) =>
      groupBy(ids, await this.files.ofSubjects(ctx, 'PowerOfAttorney', ids), (a) => a.subjectId),
    ).load(poa.id);
  }
}
