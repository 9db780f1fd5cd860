import { Args, GraphQLISODateTime, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Can, Public } from '../access/policy.decorator';
import type { RequestContext } from '../access/context/request-context';
import { Ctx, RequestLoaders } from '../access/context/ctx.decorator';
import { groupBy, loader, Loaders } from '../core/graphql/loaders';
import { Circuit } from './circuit.entity';
import { Court } from './court.entity';
import { Holiday } from './holiday.entity';
import { NotaryOffice, ProsecutionOffice } from './office.entities';
import {
  AddHolidayInput,
  CourtsFilter,
  CreateCircuitInput,
  CreateCourtInput,
  CreateOfficeInput,
  UpdateCircuitInput,
  UpdateCourtInput,
} from './organization.inputs';
import { OrganizationsService } from './organizations.service';

@Resolver(() => Court)
export class CourtsResolver {
  constructor(private readonly orgs: OrganizationsService) {}

  @Public()
  @Query(() => [Court], { description: 'Courts, by code; public.' })
  courts(
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true, type: () => CourtsFilter }) filter?: CourtsFilter,
  ): Promise<Court[]> {
    return this.orgs.courts(ctx, filter ?? {});
  }

  @Public()
  @Query(() => Court, { description: 'One court by id or code; public.' })
  court(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
    @Args('code', { nullable: true }) code?: string,
  ): Promise<Court> {
    return this.orgs.court(ctx, { id, code });
  }

  @Can('create', 'Court')
  @Mutation(() => Court)
  createCourt(@Ctx() ctx: RequestContext, @Args('input') input: CreateCourtInput): Promise<Court> {
    return this.orgs.createCourt(ctx, input);
  }

  @Can('update', 'Court')
  @Mutation(() => Court, { description: 'Names and working calendar of a court.' })
  updateCourt(@Ctx() ctx: RequestContext, @Args('input') input: UpdateCourtInput): Promise<Court> {
    return this.orgs.updateCourt(ctx, input);
  }

  @ResolveField(() => [Circuit])
  circuits(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() court: Court): Promise<Circuit[]> {
    return loader(loaders, 'circuitsByCourt', async (ids) =>
      groupBy(ids, await this.orgs.circuitsOfCourts(ctx, ids), (c) => c.courtId),
    ).load(court.id);
  }

  @ResolveField(() => [Holiday], { description: "Closed days (the court's and nationwide) between two dates." })
  holidays(@Ctx() ctx: RequestContext, @Parent() court: Court, @Args('from') from: string, @Args('to') to: string): Promise<Holiday[]> {
    return this.orgs.holidays(ctx, court.id, from, to);
  }

  @ResolveField(() => Boolean, { description: 'Whether the court is open at this instant (working day and hours, no holiday).' })
  async isOpen(
    @Ctx() ctx: RequestContext,
    @Parent() court: Court,
    @Args('at', { type: () => GraphQLISODateTime }) at: Date,
  ): Promise<boolean> {
    return (await this.orgs.calendarProblem(ctx, court, at, new Date(at.getTime() + 60_000))) === null;
  }
}

@Resolver(() => Circuit)
export class CircuitsResolver {
  constructor(private readonly orgs: OrganizationsService) {}

  @Can('create', 'Circuit')
  @Mutation(() => Circuit)
  createCircuit(@Ctx() ctx: RequestContext, @Args('input') input: CreateCircuitInput): Promise<Circuit> {
    return this.orgs.createCircuit(ctx, input);
  }

  @Can('update', 'Circuit')
  @Mutation(() => Circuit)
  updateCircuit(@Ctx() ctx: RequestContext, @Args('input') input: UpdateCircuitInput): Promise<Circuit> {
    return this.orgs.updateCircuit(ctx, input);
  }

  @ResolveField(() => Court)
  court(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() circuit: Circuit): Promise<Court> {
    return loader(loaders, 'courtById', async (ids) => {
      const courts = await this.orgs.courtsByIds(ctx, ids);
      return ids.map((id) => courts.find((c) => c.id === id)!);
    }).load(circuit.courtId);
  }
}

@Resolver(() => Holiday)
export class HolidaysResolver {
  constructor(private readonly orgs: OrganizationsService) {}

  @Can('create', 'Holiday')
  @Mutation(() => Holiday, { description: 'A holiday of one court, or nationwide when courtId is omitted.' })
  addHoliday(@Ctx() ctx: RequestContext, @Args('input') input: AddHolidayInput): Promise<Holiday> {
    return this.orgs.addHoliday(ctx, input);
  }

  @Can('delete', 'Holiday')
  @Mutation(() => Boolean)
  removeHoliday(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.orgs.removeHoliday(ctx, id);
  }
}

@Resolver()
export class OfficesResolver {
  constructor(private readonly orgs: OrganizationsService) {}

  @Public()
  @Query(() => [ProsecutionOffice])
  prosecutionOffices(@Ctx() ctx: RequestContext): Promise<ProsecutionOffice[]> {
    return this.orgs.offices(ctx, ProsecutionOffice);
  }

  @Public()
  @Query(() => [NotaryOffice])
  notaryOffices(@Ctx() ctx: RequestContext): Promise<NotaryOffice[]> {
    return this.orgs.offices(ctx, NotaryOffice);
  }

  @Can('create', 'ProsecutionOffice')
  @Mutation(() => ProsecutionOffice)
  createProsecutionOffice(@Ctx() ctx: RequestContext, @Args('input') input: CreateOfficeInput): Promise<ProsecutionOffice> {
    return this.orgs.createOffice(ctx, ProsecutionOffice, input);
  }

  @Can('create', 'NotaryOffice')
  @Mutation(() => NotaryOffice)
  createNotaryOffice(@Ctx() ctx: RequestContext, @Args('input') input: CreateOfficeInput): Promise<NotaryOffice> {
    return this.orgs.createOffice(ctx, NotaryOffice, input);
  }
}
