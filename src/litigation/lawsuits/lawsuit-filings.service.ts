/**
 * Filing a lawsuit and correcting a returned one: what a filing says is validated field by field,
 * the court is routed (given, or by city and category), the fee computed from the schedule, the
 * filing office of a prosecutor and the claimants' representation under powers of attorney decided.
 */
import { Injectable } from '@nestjs/common';
import { sumSar } from '../../core/validation/money';
import { authorize } from '../../access/authorize';
import type { RequestContext } from '../../access/context/request-context';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError, FieldError, StaleVersionError } from '../../core/errors/domain-error';
import { Role } from '../../access/role.enum';
import { AgencyService } from '../../notarization';
import { PowerCode } from '../../access/power-codes';
import { type Court, OrganizationLookups } from '../../organizations';
import { courtFee } from './court-fees';
import { feeRulesOn } from './fee-rules';
import { LawsuitAttachment } from './lawsuit-attachment.entity';
import { AttachmentsService } from '../../evidence';
import { LawsuitClaim } from './lawsuit-claim.entity';
import { LawsuitParty } from './lawsuit-party.entity';
import { LawsuitState } from './lawsuit-state-machine';
import { Lawsuit } from './lawsuit.entity';
import { LawsuitCategory, PartyKind, PartySide } from './lawsuit.enums';
import { CorrectLawsuitInput, FileLawsuitInput, LawsuitContentInput, PartyInput } from './lawsuit.inputs';
import { COURT_TYPES_FOR, SPECIALIZATION_FOR } from './routing';
import { lawsuitSnapshot as snapshot, LawsuitsService } from './lawsuits.service';
import { LITIGATION } from '../litigation-messages';

@Injectable()
export class LawsuitFilings {
  constructor(
    private readonly tx: Transactions,
    private readonly lawsuits: LawsuitsService,
    private readonly agency: AgencyService,
    private readonly organizations: OrganizationLookups,
    private readonly attachments: AttachmentsService,
  ) {}

  async file(ctx: RequestContext, input: FileLawsuitInput): Promise<Lawsuit> {
    // Who may file this category (and for which office) is decided before the content is examined.
    authorize(ctx, 'create', 'Lawsuit', { category: input.category, prosecutionOfficeId: this.filingOffice(ctx, input) });
    return this.tx.run(ctx, async (tx) => {
      await this.keepParties(tx, null, input);
      const content = await this.checkContent(tx, input);
      const lawsuit = await tx.repo(Lawsuit).save(
        tx.repo(Lawsuit).create({
          ...content.columns,
          state: LawsuitState.DRAFT,
          filedBy: tx.actor!.id,
          caseNumber: null,
          caseYear: null,
          caseSeq: null,
          circuitId: null,
          returnReason: null,
          returnFields: [],
          rejectReason: null,
          submittedAt: null,
          registeredAt: null,
          decidedAt: null,
          closedAt: null,
        }),
      );
      await this.writeDetails(tx, lawsuit.id, input, content.representation);
      tx.audit({
        action: 'lawsuit.filed',
        subjectType: 'Lawsuit',
        subjectId: lawsuit.id,
        after: { ...snapshot(lawsuit), category: lawsuit.category, feeAmount: lawsuit.feeAmount },
      });
      return lawsuit;
    });
  }

  /** Replaces the content of a draft or of a filing returned for correction. */
  async correct(ctx: RequestContext, input: CorrectLawsuitInput): Promise<Lawsuit> {
    return this.tx.run(ctx, async (tx) => {
      const lawsuit = await this.lawsuits.lockReadable(tx, input.id, 'update');
      if (![LawsuitState.DRAFT, LawsuitState.RETURNED].includes(lawsuit.state)) {
        throw BadUserInputError.field('input.id', LITIGATION.notCorrectable({ state: lawsuit.state }));
      }
      if (lawsuit.version !== input.version) throw new StaleVersionError();
      await this.keepParties(tx, lawsuit.id, input);
      const content = await this.checkContent(tx, input);
      if (
        content.columns.category !== lawsuit.category &&
        (lawsuit.category === LawsuitCategory.CRIMINAL || content.columns.category === LawsuitCategory.CRIMINAL)
      ) {
        throw BadUserInputError.field('input.category', LITIGATION.criminalCategoryFixed());
      }
      await tx.repo(LawsuitParty).delete({ lawsuitId: lawsuit.id });
      await tx.repo(LawsuitClaim).delete({ lawsuitId: lawsuit.id });
      await tx.repo(LawsuitAttachment).delete({ lawsuitId: lawsuit.id });
      await this.writeDetails(tx, lawsuit.id, input, content.representation);
      await this.lawsuits.update(tx, lawsuit, content.columns);
      tx.audit({
        action: 'lawsuit.corrected',
        subjectType: 'Lawsuit',
        subjectId: lawsuit.id,
        before: snapshot(lawsuit),
        after: { ...content.columns },
      });
      return tx.repo(Lawsuit).findOneByOrFail({ id: lawsuit.id });
    });
  }

  /**
   * Parties kept as filed (`partyId`): their kind and number come from the filing, since the filer
   * reads other parties' national IDs masked and could not type them again. A new filing has none.
   */
  private async keepParties(tx: RequestContext, lawsuitId: string | null, input: LawsuitContentInput): Promise<void> {
    const filed = new Map((lawsuitId ? await tx.repo(LawsuitParty).findBy({ lawsuitId }) : []).map((p) => [p.id, p]));
    const problems: FieldError[] = [];
    const keep = (side: PartySide, path: string) => (p: PartyInput, i: number) => {
      if (!p.partyId) return;
      const party = filed.get(p.partyId);
      if (party?.side !== side) return problems.push({ field: `${path}.${i}.partyId`, message: LITIGATION.notAPartyOfFiling() });
      Object.assign(p, {
        kind: party.kind,
        nationalId: party.nationalId ?? undefined,
        organizationNumber: party.organizationNumber ?? undefined,
      });
    };
    input.claimants.forEach(keep(PartySide.CLAIMANT, 'input.claimants'));
    input.defendants.forEach(keep(PartySide.DEFENDANT, 'input.defendants'));
    if (problems.length) throw new BadUserInputError(problems);
  }

  /** Validates what a filing says and derives court, fees and office from it. */
  private async checkContent(tx: RequestContext, input: LawsuitContentInput) {
    const problems: FieldError[] = [];
    const checkParty = (p: PartyInput, path: string) => {
      if (p.kind === PartyKind.PERSON && !p.nationalId)
        problems.push({ field: `${path}.nationalId`, message: LITIGATION.personNeedsNationalId() });
      if (p.kind === PartyKind.ORGANIZATION && !p.organizationNumber)
        problems.push({ field: `${path}.organizationNumber`, message: LITIGATION.organizationNeedsNumber() });
    };
    input.claimants.forEach((p, i) => checkParty(p, `input.claimants.${i}`));
    input.defendants.forEach((p, i) => checkParty(p, `input.defendants.${i}`));
    const claimantIds = new Set(input.claimants.map((p) => p.nationalId).filter(Boolean));
    input.defendants.forEach((p, i) => {
      if (p.nationalId && claimantIds.has(p.nationalId))
        problems.push({ field: `input.defendants.${i}.nationalId`, message: LITIGATION.alsoClaimant() });
    });
    const actor = tx.actor!;
    /** Claimants represented by the filer: national ID → the power of attorney relied on. */
    const representation = new Map<string, string>();
    const prosecutionOfficeId = this.filingOffice(tx, input);
    if (input.category === LawsuitCategory.CRIMINAL) {
      if (!prosecutionOfficeId) problems.push({ field: 'input.prosecutionOfficeId', message: LITIGATION.prosecutionOfficeRequired() });
    } else {
      if (input.prosecutionOfficeId) problems.push({ field: 'input.prosecutionOfficeId', message: LITIGATION.criminalOnly() });
      // A citizen files in their own name, or for clients under a power of attorney granting LIT_FILE.
      if (claimantIds.has(actor.nationalId)) {
        if (input.powerOfAttorneyId) problems.push({ field: 'input.powerOfAttorneyId', message: LITIGATION.forOthersOnly() });
      } else if (!input.powerOfAttorneyId) {
        problems.push({ field: 'input.claimants', message: LITIGATION.filerOrPoa() });
      } else {
        input.claimants.forEach((p, i) => {
          if (p.kind !== PartyKind.PERSON) problems.push({ field: `input.claimants.${i}.kind`, message: LITIGATION.clientIsPerson() });
        });
        if (!problems.length) {
          for (const p of input.claimants) {
            const { powerOfAttorneyId } = await this.agency.requireAgency(tx, {
              agentNationalId: actor.nationalId,
              principalNationalId: p.nationalId!,
              power: PowerCode.LIT_FILE,
              powerOfAttorneyId: input.powerOfAttorneyId,
            });
            representation.set(p.nationalId!, powerOfAttorneyId);
          }
        }
      }
    }
    const court = await this.routeCourt(tx, input, problems);
    if (problems.length) throw new BadUserInputError(problems);
    const claimed = sumSar(input.claims.map((c) => c.amount ?? 0));
    const fee = courtFee(feeRulesOn(tx.now().toISOString().slice(0, 10)), input.category, claimed);
    return {
      prosecutionOfficeId,
      representation,
      columns: {
        courtId: court!.id,
        category: input.category,
        subject: input.subject.trim(),
        facts: input.facts.trim(),
        sealed: input.sealed,
        prosecutionOfficeId,
        claimedAmount: claimed,
        feeAmount: fee.amount,
        feeExempt: fee.exempt,
      },
    };
  }

  /** The prosecution office filing a criminal case: as given, or the prosecutor's only office. */
  private filingOffice(ctx: RequestContext, input: LawsuitContentInput): string | null {
    if (input.category !== LawsuitCategory.CRIMINAL) return null;
    const offices = ctx.actor!.memberships.filter((m) => m.role === Role.PROSECUTOR).map((m) => m.prosecutionOfficeId as string);
    return input.prosecutionOfficeId ?? (offices.length === 1 ? offices[0] : null);
  }

  private async routeCourt(tx: RequestContext, input: LawsuitContentInput, problems: FieldError[]): Promise<Court | null> {
    const spec = SPECIALIZATION_FOR[input.category];
    const hears = (courtId: string) => this.organizations.activeCircuits(tx, courtId, spec);
    if (input.courtId) {
      const court = await this.organizations.findCourt(tx, input.courtId);
      if (!court) problems.push({ field: 'input.courtId', message: LITIGATION.noSuchCourt() });
      else if (!(await hears(court.id)).length)
        problems.push({ field: 'input.courtId', message: LITIGATION.courtDoesNotHear({ category: input.category }) });
      return court;
    }
    if (!input.city) {
      problems.push({ field: 'input.courtId', message: LITIGATION.courtOrCity() });
      return null;
    }
    for (const type of COURT_TYPES_FOR[input.category]) {
      const courts = await this.organizations.courtsInCity(tx, input.city, type);
      for (const court of courts) if ((await hears(court.id)).length) return court;
    }
    problems.push({ field: 'input.city', message: LITIGATION.noCourtInCity({ category: input.category }) });
    return null;
  }

  private async writeDetails(
    tx: RequestContext,
    lawsuitId: string,
    input: LawsuitContentInput,
    representation: Map<string, string>,
  ): Promise<void> {
    const represented = (p: PartyInput) => (p.nationalId ? representation.get(p.nationalId) : undefined);
    const prosecution = (p: PartyInput) => input.category === LawsuitCategory.CRIMINAL && p.kind === PartyKind.ORGANIZATION;
    const party = (side: PartySide) => (p: PartyInput) =>
      tx.repo(LawsuitParty).create({
        lawsuitId,
        side,
        kind: p.kind,
        userId: null,
        nationalId: p.kind === PartyKind.PERSON ? p.nationalId! : null,
        organizationNumber: p.kind === PartyKind.ORGANIZATION ? p.organizationNumber! : null,
        nameAr: p.nameAr.trim(),
        nameEn: p.nameEn.trim(),
        // The filer represents the claimants they file for; the prosecutor, the Public Prosecution of a criminal case.
        representativeId: side === PartySide.CLAIMANT && (represented(p) || prosecution(p)) ? tx.actor!.id : null,
        powerOfAttorneyId: side === PartySide.CLAIMANT ? (represented(p) ?? null) : null,
      });
    await tx
      .repo(LawsuitParty)
      .save([...input.claimants.map(party(PartySide.CLAIMANT)), ...input.defendants.map(party(PartySide.DEFENDANT))]);
    await tx
      .repo(LawsuitClaim)
      .save(
        input.claims.map((c, i) =>
          tx.repo(LawsuitClaim).create({ lawsuitId, position: i + 1, description: c.description.trim(), amount: c.amount ?? null }),
        ),
      );
    if (input.attachments.length)
      await tx.repo(LawsuitAttachment).save(input.attachments.map((a) => tx.repo(LawsuitAttachment).create({ lawsuitId, ...a })));
    // Uploaded files: attached to the lawsuit (its read rule decides who reads them), listed with the filing.
    const uploaded = await this.attachments.attach(
      tx,
      input.attachmentIds ?? [],
      { type: 'Lawsuit', id: lawsuitId, purpose: 'filing' },
      'input.attachmentIds',
    );
    if (uploaded.length) {
      await tx
        .repo(LawsuitAttachment)
        .save(uploaded.map(({ id, ...file }) => tx.repo(LawsuitAttachment).create({ lawsuitId, attachmentId: id, ...file })));
    }
  }
}
