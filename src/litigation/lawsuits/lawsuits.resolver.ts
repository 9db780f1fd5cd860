import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { FilingFees } from './filing-fees';
import { LawsuitFilings } from './lawsuit-filings.service';
import { can } from '../../access/authorize';
import { LawsuitPartySubject } from '../litigation.subjects';
import { Can } from '../../access/policy.decorator';
import type { RequestContext } from '../../access/context/request-context';
import { Ctx, RequestLoaders } from '../../access/context/ctx.decorator';
import { groupBy, loader, Loaders } from '../../core/graphql/loaders';
import type { GraphQLContext } from '../../core/graphql/graphql-context';
import { Connection, ConnectionShape, PageArgs } from '../../core/graphql/pagination';
import { maskNationalId } from '../../core/validation/national-id';
import { LawsuitAttachment } from './lawsuit-attachment.entity';
import { SignedLinks } from '../../identity';
import { Bill, BillsService } from '../../payments';
import { LawsuitClaim } from './lawsuit-claim.entity';
import { LawsuitParty } from './lawsuit-party.entity';
import { lawsuitMachine } from './lawsuit-state-machine';
import { Lawsuit } from './lawsuit.entity';
import { CorrectLawsuitInput, FileLawsuitInput, LawsuitsFilter, ReviewLawsuitInput, WaiveFilingFeeInput } from './lawsuit.inputs';
import { LawsuitsService } from './lawsuits.service';

const LawsuitConnection = Connection(Lawsuit, 'Lawsuit');

@Resolver(() => Lawsuit)
export class LawsuitsResolver {
  constructor(
    private readonly lawsuits: LawsuitsService,
    private readonly filings: LawsuitFilings,
    private readonly filingFees: FilingFees,
    private readonly billing: BillsService,
  ) {}

  @Can('create', 'Lawsuit')
  @Mutation(() => Lawsuit, { description: 'Drafts a lawsuit; court fees are computed and shown.' })
  fileLawsuit(@Ctx() ctx: RequestContext, @Args('input') input: FileLawsuitInput): Promise<Lawsuit> {
    return this.filings.file(ctx, input);
  }

  @Can('update', 'Lawsuit')
  @Mutation(() => Lawsuit, { description: 'Corrects a draft, or a filing returned for correction.' })
  correctLawsuit(@Ctx() ctx: RequestContext, @Args('input') input: CorrectLawsuitInput): Promise<Lawsuit> {
    return this.filings.correct(ctx, input);
  }

  @Can('submit', 'Lawsuit')
  @Mutation(() => Lawsuit)
  submitLawsuit(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Lawsuit> {
    return this.filingFees.submit(ctx, id);
  }

  @Can('review', 'Lawsuit')
  @Mutation(() => Lawsuit, { description: 'A clerk accepts (registers, numbers and refers), returns for correction, or rejects.' })
  reviewLawsuit(@Ctx() ctx: RequestContext, @Args('input') input: ReviewLawsuitInput): Promise<Lawsuit> {
    return this.lawsuits.review(ctx, input);
  }

  @Can('review', 'Lawsuit')
  @Mutation(() => Lawsuit, {
    description:
      "Legal aid: a clerk of the court records the court's waiver of the fee of a filing awaiting it; the filing goes to review.",
  })
  waiveFilingFee(@Ctx() ctx: RequestContext, @Args('input') input: WaiveFilingFeeInput): Promise<Lawsuit> {
    return this.filingFees.waive(ctx, input);
  }

  @Can('withdraw', 'Lawsuit')
  @Mutation(() => Lawsuit, { description: 'The claimant withdraws the lawsuit before judgment.' })
  withdrawLawsuit(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Lawsuit> {
    return this.lawsuits.withdraw(ctx, id);
  }

  @Can('read', 'Lawsuit')
  @Query(() => Lawsuit)
  lawsuit(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Lawsuit> {
    return this.lawsuits.get(ctx, id);
  }

  @Can('read', 'Lawsuit')
  @Query(() => LawsuitConnection, { name: 'lawsuits', description: 'Lawsuits the caller may see, newest first.' })
  listLawsuits(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true, type: () => LawsuitsFilter }) filter?: LawsuitsFilter,
  ): Promise<ConnectionShape<Lawsuit>> {
    return this.lawsuits.list(ctx, filter ?? {}, page.first, page.after);
  }

  @ResolveField(() => [LawsuitParty])
  parties(lawsuit: Lawsuit, _args: unknown, { ctx, loaders }: GraphQLContext<RequestContext>): PartyInCase[] | Promise<PartyInCase[]> {
    // Read with the lawsuit when its query nested them (the docket): answered at once, so that the
    // whole docket completes without a promise per line; otherwise batched per request.
    if (lawsuit.parties) return partiesInCase(lawsuit, lawsuit.parties);
    return loader(loaders, 'lawsuitParties', async (ids) => groupBy(ids, await this.lawsuits.partiesOf(ctx, ids), (p) => p.lawsuitId))
      .load(lawsuit.id)
      .then((parties) => partiesInCase(lawsuit, parties));
  }

  @ResolveField(() => [LawsuitClaim])
  claims(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() lawsuit: Lawsuit): Promise<LawsuitClaim[]> {
    return loader(loaders, 'lawsuitClaims', async (ids) => groupBy(ids, await this.lawsuits.claimsOf(ctx, ids), (c) => c.lawsuitId)).load(
      lawsuit.id,
    );
  }

  @ResolveField(() => [LawsuitAttachment])
  attachments(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() lawsuit: Lawsuit): Promise<LawsuitAttachment[]> {
    return loader(loaders, 'lawsuitAttachments', async (ids) =>
      groupBy(ids, await this.lawsuits.attachmentsOf(ctx, ids), (a) => a.lawsuitId),
    ).load(lawsuit.id);
  }

  @ResolveField(() => [Bill], {
    description: "The case's bills the caller pays (its filing fee, a final judgment's costs), oldest first; others see none.",
  })
  bills(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() lawsuit: Lawsuit): Promise<Bill[]> {
    return loader(loaders, 'lawsuitBills', async (ids) =>
      groupBy(ids, await this.billing.ofSubjects(ctx, 'Lawsuit', ids), (b) => b.subjectId),
    ).load(lawsuit.id);
  }

  @ResolveField(() => [String], { description: 'Transitions the state machine allows from the current state.' })
  nextEvents(@Parent() lawsuit: Lawsuit): string[] {
    return lawsuitMachine.eventsFrom(lawsuit.state);
  }
}

/** A party as shown within its lawsuit: the case's court and circuit decide who sees the national ID. */
type PartyInCase = LawsuitParty & { courtId: string; circuitId: string | null };

@Resolver(() => LawsuitParty)
export class LawsuitPartiesResolver {
  /** In full to the party themselves and to the court staff of the case; masked for everyone else. */
  @ResolveField(() => String, { nullable: true })
  nationalId(@Ctx() ctx: RequestContext, @Parent() party: PartyInCase): string | null {
    if (!party.nationalId) return null;
    return can(ctx, 'read', 'LawsuitParty', LawsuitPartySubject.shapeOf(party), 'nationalId')
      ? party.nationalId
      : maskNationalId(party.nationalId);
  }
}

/** The lawsuit's parties as subjects of the rules that mask them (court and circuit of their case). */
function partiesInCase(lawsuit: Lawsuit, parties: LawsuitParty[]): PartyInCase[] {
  return parties.map((p) =>
    Object.assign(Object.create(LawsuitParty.prototype) as LawsuitParty, p, { courtId: lawsuit.courtId, circuitId: lawsuit.circuitId }),
  );
}

/** An attached file's signed download link, for the caller (docs/evidence.md, "Signed links"). */
@Resolver(() => LawsuitAttachment)
export class LawsuitAttachmentsResolver {
  constructor(private readonly links: SignedLinks) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'A link to the uploaded file that works without a token, for the caller, for 15 minutes; null for a described attachment.',
  })
  downloadLink(@Ctx() ctx: RequestContext, @Parent() attachment: LawsuitAttachment): string | null {
    return attachment.attachmentId ? this.links.forCaller(ctx, `/attachments/${attachment.attachmentId}`) : null;
  }
}
