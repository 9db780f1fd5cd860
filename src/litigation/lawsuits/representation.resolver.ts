import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../access/context/ctx.decorator';
import type { RequestContext } from '../../access/context/request-context';
import { Can, SignedIn } from '../../access/policy.decorator';
import { LawsuitParty } from './lawsuit-party.entity';
import { AppointRepresentativeInput, RepresentationInput } from './lawsuit.inputs';
import { Representation } from './representation.service';

@Resolver(() => LawsuitParty)
export class RepresentationResolver {
  constructor(private readonly representation: Representation) {}

  @SignedIn()
  @Mutation(() => LawsuitParty, {
    description:
      'A licensed lawyer holding the party’s power of attorney (LIT_PLEAD) enters an appearance and becomes its representative of record; the parties are told.',
  })
  enterAppearance(@Ctx() ctx: RequestContext, @Args('input') input: RepresentationInput): Promise<LawsuitParty> {
    return this.representation.enterAppearance(ctx, input.lawsuitId, input.partyId);
  }

  @SignedIn()
  @Mutation(() => LawsuitParty, {
    description: 'The representative withdraws, or the party ends the representation; the parties are told.',
  })
  withdrawRepresentation(@Ctx() ctx: RequestContext, @Args('input') input: RepresentationInput): Promise<LawsuitParty> {
    return this.representation.withdraw(ctx, input.lawsuitId, input.partyId);
  }

  @Can('serve', 'Lawsuit')
  @Mutation(() => LawsuitParty, {
    description:
      'A clerk of the court records who represents an organization party (its authorized signatory, or a lawyer under its power of attorney), on the document shown; that person acts for it in the case.',
  })
  appointOrganizationRepresentative(@Ctx() ctx: RequestContext, @Args('input') input: AppointRepresentativeInput): Promise<LawsuitParty> {
    return this.representation.appointForOrganization(ctx, input);
  }
}
