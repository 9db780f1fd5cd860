import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { can } from '../../access/authorize';
import type { AccessShapes } from '../../access/ability.types';
import { Can, Public } from '../../access/policy.decorator';
import type { RequestContext } from '../../access/context/request-context';
import { Ctx, RequestLoaders } from '../../access/context/ctx.decorator';
import { groupBy, loader, Loaders } from '../../core/graphql/loaders';
import { Connection, ConnectionShape, PageArgs } from '../../core/graphql/pagination';
import { maskNationalId } from '../../core/validation/national-id';
import { NotaryOffice } from '../../organizations';
import { Bill, BillsService } from '../../payments';
import { ContractParty } from './contract-party.entity';
import { ContractSignature } from './contract-signature.entity';
import { contractMachine } from './contract-state-machine';
import { Contract } from './contract.entity';
import {
  DraftContractInput,
  RefuseContractInput,
  RequestContractCancellationInput,
  SignContractInput,
  UpdateContractDraftInput,
  VoidContractInput,
} from './contract.inputs';
import { ContractsFilter, ContractVerification } from './contract.models';
import { ContractDrafting } from './contract-drafting.service';
import { ContractEndings } from './contract-endings.service';
import { ContractNotarization } from './contract-notarization.service';
import { ContractReads } from './contract-reads.service';
import { ContractSignatures } from './contract-signatures.service';
import { ContractVoiding } from './contract-voiding.service';
import { ContractPartySubject } from '../notarization.subjects';

const ContractConnection = Connection(Contract, 'Contract');

@Resolver(() => Contract)
export class ContractsResolver {
  constructor(
    private readonly drafting: ContractDrafting,
    private readonly signing: ContractSignatures,
    private readonly notarization: ContractNotarization,
    private readonly voiding: ContractVoiding,
    private readonly endings: ContractEndings,
    private readonly reads: ContractReads,
    private readonly billing: BillsService,
  ) {}

  @Can('create', 'Contract')
  @Mutation(() => Contract, {
    description: 'Drafts a contract: a notary for their office, or a party naming the office that will notarize it.',
  })
  draftContract(@Ctx() ctx: RequestContext, @Args('input') input: DraftContractInput): Promise<Contract> {
    return this.drafting.draft(ctx, input);
  }

  @Can('update', 'Contract')
  @Mutation(() => Contract, {
    description:
      'Replaces parties, terms and free text of a draft, or of a contract awaiting signatures (it returns to draft and its signatures no longer count).',
  })
  updateContractDraft(@Ctx() ctx: RequestContext, @Args('input') input: UpdateContractDraftInput): Promise<Contract> {
    return this.drafting.updateDraft(ctx, input);
  }

  @Can('submit', 'Contract')
  @Mutation(() => Contract, {
    description:
      'Puts a draft to the signatures of its parties, who are notified; its notary fee is billed to its payer (docs/payments.md).',
  })
  submitContractForSignature(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Contract> {
    return this.drafting.submit(ctx, id);
  }

  @Can('discard', 'Contract')
  @Mutation(() => Contract, { description: 'Its drafter discards a draft (DISCARDED); a notary fee paid for it goes back.' })
  discardContractDraft(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Contract> {
    return this.endings.discard(ctx, id);
  }

  @Can('refuse', 'Contract')
  @Mutation(() => Contract, {
    description:
      'A notary of the office refuses to notarize a draft or a contract awaiting signatures, with a reason (REFUSED); signatures void, a paid fee goes back.',
  })
  refuseContract(@Ctx() ctx: RequestContext, @Args('input') input: RefuseContractInput): Promise<Contract> {
    return this.endings.refuse(ctx, input.id, input.reason);
  }

  @Can('sign', 'Contract')
  @Mutation(() => Contract, {
    description: 'A party signs with a fresh one-time code, once; or an agent signs for a principal under a power of attorney.',
  })
  signContract(@Ctx() ctx: RequestContext, @Args('input') input: SignContractInput): Promise<Contract> {
    return this.signing.sign(ctx, input);
  }

  @Can('notarize', 'Contract')
  @Mutation(() => Contract, {
    description:
      'A notary of the office notarizes a contract that every party has signed and whose notary fee is paid (PAYMENT_REQUIRED before).',
  })
  notarizeContract(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Contract> {
    return this.notarization.notarize(ctx, id);
  }

  @Can('cancel', 'Contract')
  @Mutation(() => Contract, {
    description: 'A party agrees, with a fresh one-time code, to cancel a notarized contract; cancelled once all agree.',
  })
  requestContractCancellation(@Ctx() ctx: RequestContext, @Args('input') input: RequestContractCancellationInput): Promise<Contract> {
    return this.signing.requestCancellation(ctx, input);
  }

  @Can('void', 'Contract')
  @Mutation(() => Contract, {
    description: 'A judge of the circuit that decided a lawsuit voids a notarized contract by its final judgment.',
  })
  voidContract(@Ctx() ctx: RequestContext, @Args('input') input: VoidContractInput): Promise<Contract> {
    return this.voiding.void(ctx, input);
  }

  @Can('read', 'Contract')
  @Query(() => Contract)
  contract(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Contract> {
    return this.reads.get(ctx, id);
  }

  @Can('read', 'Contract')
  @Query(() => ContractConnection, {
    description: 'Contracts the caller is party to or drafted (a notary: those of their office), newest first.',
  })
  myContracts(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true, type: () => ContractsFilter }) filter?: ContractsFilter,
  ): Promise<ConnectionShape<Contract>> {
    return this.reads.list(ctx, filter ?? {}, page.first, page.after);
  }

  @Public()
  @Query(() => ContractVerification, { description: 'Public check of a contract by its number and verification code; names are masked.' })
  verifyContract(@Ctx() ctx: RequestContext, @Args('number') number: string, @Args('code') code: string): Promise<ContractVerification> {
    return this.reads.verify(ctx, number.slice(0, 40), code.slice(0, 40));
  }

  @ResolveField(() => [ContractParty])
  async parties(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() contract: Contract): Promise<PartyInContract[]> {
    const parties = await loader(loaders, 'contractParties', async (ids) =>
      groupBy(ids, await this.reads.partiesOf(ctx, ids), (p) => p.contractId),
    ).load(contract.id);
    const accessShape = ContractPartySubject.shapeOf({ contract, parties });
    return parties.map((p) => Object.assign(Object.create(ContractParty.prototype) as ContractParty, p, { accessShape }));
  }

  @ResolveField(() => [ContractSignature], {
    description: 'Signatures and agreements to cancel, oldest first (invalidated ones included).',
  })
  signatures(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() contract: Contract): Promise<ContractSignature[]> {
    return loader(loaders, 'contractSignatures', async (ids) =>
      groupBy(ids, await this.reads.signaturesOf(ctx, ids), (s) => s.contractId),
    ).load(contract.id);
  }

  @ResolveField(() => NotaryOffice, { description: 'The office that notarizes it.' })
  notaryOffice(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() contract: Contract): Promise<NotaryOffice> {
    return loader(loaders, 'contractNotaryOffices', async (ids) => {
      const offices = await this.reads.officesByIds(ctx, ids);
      return ids.map((id) => offices.find((o) => o.id === id)!);
    }).load(contract.notaryOfficeId);
  }

  @ResolveField(() => [Bill], { description: "The contract's bills the caller pays (its notary fee), oldest first; others see none." })
  bills(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() contract: Contract): Promise<Bill[]> {
    return loader(loaders, 'contractBills', async (ids) =>
      groupBy(ids, await this.billing.ofSubjects(ctx, 'Contract', ids), (b) => b.subjectId),
    ).load(contract.id);
  }

  @ResolveField(() => String, { nullable: true, description: 'For the public check (verifyContract); from notarization on.' })
  verificationCode(@Parent() contract: Contract): string | null {
    return this.reads.codeOf(contract);
  }

  @ResolveField(() => [String], { description: 'Transitions the state machine allows from the current state.' })
  nextEvents(@Parent() contract: Contract): string[] {
    return contractMachine.eventsFrom(contract.state);
  }
}

/** A party as shown within its contract: its office and its co-parties decide who sees the national IDs. */
type PartyInContract = ContractParty & { accessShape: AccessShapes['ContractParty'] };

@Resolver(() => ContractParty)
export class ContractPartiesResolver {
  /** In full to the parties of the contract and the notaries of its office; masked for everyone else. */
  @ResolveField(() => String, { nullable: true })
  nationalId(@Ctx() ctx: RequestContext, @Parent() party: PartyInContract): string | null {
    return this.shown(ctx, party, party.nationalId);
  }

  @ResolveField(() => String, { nullable: true, description: 'For an organization: the person who signs for it.' })
  signatoryNationalId(@Ctx() ctx: RequestContext, @Parent() party: PartyInContract): string | null {
    return this.shown(ctx, party, party.signatoryNationalId);
  }

  private shown(ctx: RequestContext, party: PartyInContract, value: string | null): string | null {
    if (!value) return null;
    return can(ctx, 'read', 'ContractParty', party.accessShape, 'nationalId') ? value : maskNationalId(value);
  }
}
