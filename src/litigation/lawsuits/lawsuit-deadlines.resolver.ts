import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequestLoaders } from '../../access/context/ctx.decorator';
import type { RequestContext } from '../../access/context/request-context';
import { loader, Loaders } from '../../core/graphql/loaders';
import { CourtDeadlines, Deadline } from '../../organizations';
import { LawsuitState } from './lawsuit-state-machine';
import { Lawsuit } from './lawsuit.entity';
import { STRUCK_OFF_RESUMPTION } from './struck-off-rules';

/** A case's deadlines explained on its court's calendar (docs/domain.md, "Dates and deadlines"). */
@Resolver(() => Lawsuit)
export class LawsuitDeadlinesResolver {
  constructor(private readonly deadlines: CourtDeadlines) {}

  @ResolveField(() => Deadline, {
    nullable: true,
    description: 'While the case is struck off: until when the claimant may ask, once, to resume it, and the rule that set it.',
  })
  resumeDeadline(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() lawsuit: Lawsuit): Promise<Deadline> | null {
    if (lawsuit.state !== LawsuitState.STRUCK_OFF || !lawsuit.struckOffAt || !lawsuit.resumeDueAt) return null;
    // The key carries the facts, so that one batch explains every case of the page.
    const key = [lawsuit.courtId, lawsuit.struckOffAt.toISOString(), lawsuit.resumeDueAt.toISOString()].join('|');
    return loader(loaders, 'lawsuitResumeDeadline', (keys) =>
      this.deadlines.explain(
        ctx,
        keys.map((k) => {
          const [courtId, startsAt, dueAt] = k.split('|');
          return {
            courtId,
            startsAt: new Date(startsAt),
            days: STRUCK_OFF_RESUMPTION.days,
            dueAt: new Date(dueAt),
            rule: STRUCK_OFF_RESUMPTION.basis,
          };
        }),
      ),
    ).load(key);
  }
}
