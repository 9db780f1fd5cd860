import { Args, Query, Resolver } from '@nestjs/graphql';
import { Can } from '../access/policy.decorator';
import type { RequestContext } from '../access/context/request-context';
import { Ctx } from '../access/context/ctx.decorator';
import { Connection, ConnectionShape, PageArgs } from '../core/graphql/pagination';
import { AuditEvent } from './audit-event.entity';
import { AuditChainVerification, AuditFilter } from './audit.inputs';
import { AuditService } from './audit.service';

const AuditEventConnection = Connection(AuditEvent, 'AuditEvent');

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Can('read', 'AuditEvent')
  @Query(() => AuditEventConnection, { description: 'The audit trail, newest first.' })
  auditTrail(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true, type: () => AuditFilter }) filter?: AuditFilter,
  ): Promise<ConnectionShape<AuditEvent>> {
    return this.audit.list(ctx, filter ?? {}, page.first, page.after);
  }

  @Can('verify', 'AuditEvent')
  @Query(() => AuditChainVerification, { description: 'Re-computes the hash chain and names the first broken link.' })
  verifyAuditChain(): Promise<AuditChainVerification> {
    return this.audit.verify();
  }
}
