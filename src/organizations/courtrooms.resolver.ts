import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequestLoaders } from '../access/context/ctx.decorator';
import type { RequestContext } from '../access/context/request-context';
import { Can } from '../access/policy.decorator';
import { groupBy, loader, Loaders } from '../core/graphql/loaders';
import { Court } from './court.entity';
import { Courtroom } from './courtroom.entity';
import { Courtrooms } from './courtrooms';
import { AddCourtroomInput } from './organization.inputs';

@Resolver(() => Court)
export class CourtroomsResolver {
  constructor(private readonly rooms: Courtrooms) {}

  @ResolveField(() => [Courtroom], { description: 'Its courtrooms in use, by name.' })
  courtrooms(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() court: Court): Promise<Courtroom[]> {
    return loader(loaders, 'courtroomsByCourt', async (ids) => groupBy(ids, await this.rooms.ofCourts(ctx, ids), (r) => r.courtId)).load(
      court.id,
    );
  }

  @Can('update', 'Court')
  @Mutation(() => Courtroom, { description: 'A court administrator adds a courtroom to their court.' })
  addCourtroom(@Ctx() ctx: RequestContext, @Args('input') input: AddCourtroomInput): Promise<Courtroom> {
    return this.rooms.add(ctx, input.courtId, input.name);
  }

  @Can('update', 'Court')
  @Mutation(() => Courtroom, { description: 'A court administrator takes a courtroom out of use (its bookings stay), or back into use.' })
  setCourtroomActive(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('active') active: boolean,
  ): Promise<Courtroom> {
    return this.rooms.setActive(ctx, id, active);
  }
}
