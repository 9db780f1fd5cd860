import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Can } from '../../access/policy.decorator';
import type { RequestContext } from '../../access/context/request-context';
import { Ctx } from '../../access/context/ctx.decorator';
import { CourtNoticeReceipt, SendCourtNoticeInput } from './court-notice.model';
import { CourtNoticesService } from './court-notices.service';

@Resolver()
export class CourtNoticesResolver {
  constructor(private readonly notices: CourtNoticesService) {}

  @Can('notify', 'Lawsuit')
  @Mutation(() => CourtNoticeReceipt, { description: 'A clerk of the court sends a notice to the parties of a registered case.' })
  sendCourtNotice(@Ctx() ctx: RequestContext, @Args('input') input: SendCourtNoticeInput): Promise<CourtNoticeReceipt> {
    return this.notices.send(ctx, input);
  }
}
