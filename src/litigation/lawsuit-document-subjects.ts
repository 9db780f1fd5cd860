/**
 * The subjects of court documents: a registered lawsuit (filing receipt), a hearing (summons,
 * minutes), a judgment, an execution request (execution order), an approved settlement (deed). All follow the read rules of
 * their lawsuit (LawsuitsService.shape + the Lawsuit rules of the ability factory).
 */
import type { CaseFile } from './lawsuits/case-files';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { In } from 'typeorm';
import { can } from '../access/authorize';
import type { RequestContext } from '../access/context/request-context';
import { UserLookups } from '../identity';
import { Hearing } from './hearings/hearing.entity';
import { HearingMode, HearingState } from './hearings/hearing.enums';
import { ExecutionRequest } from './judgments/execution-request.entity';
import { Judgment } from './judgments/judgment.entity';
import { Objection } from './judgments/objection.entity';
import { LawsuitClaim } from './lawsuits/lawsuit-claim.entity';
import { LawsuitParty } from './lawsuits/lawsuit-party.entity';
import { LawsuitState } from './lawsuits/lawsuit-state-machine';
import { Lawsuit } from './lawsuits/lawsuit.entity';
import { LawsuitCategory, PartySide } from './lawsuits/lawsuit.enums';
import { LawsuitsService } from './lawsuits/lawsuits.service';
import { LITIGATION } from './litigation-messages';
import { Settlement, SettlementState } from './settlements/settlement.entity';
import { OrganizationLookups } from '../organizations';
import { DocumentKind } from '../documents';
import { DocumentSubjectProvider, DocumentSubjects, InstrumentStatus, SubjectSnapshot } from '../documents';

const CATEGORY: Record<LawsuitCategory, { ar: string; en: string }> = {
  [LawsuitCategory.CIVIL]: { ar: 'مدنية', en: 'Civil' },
  [LawsuitCategory.COMMERCIAL]: { ar: 'تجارية', en: 'Commercial' },
  [LawsuitCategory.LABOR]: { ar: 'عمالية', en: 'Labour' },
  [LawsuitCategory.PERSONAL_STATUS]: { ar: 'أحوال شخصية', en: 'Personal status' },
  [LawsuitCategory.CRIMINAL]: { ar: 'جزائية', en: 'Criminal' },
};
const SIDE: Record<PartySide, { ar: string; en: string }> = {
  [PartySide.CLAIMANT]: { ar: 'المدعي', en: 'Claimant' },
  [PartySide.DEFENDANT]: { ar: 'المدعى عليه', en: 'Defendant' },
};
const MODE: Record<HearingMode, { ar: string; en: string }> = {
  [HearingMode.IN_PERSON]: { ar: 'حضوري', en: 'In person' },
  [HearingMode.REMOTE]: { ar: 'عن بعد', en: 'Remote' },
};
const LAWSUIT_STATE: Record<LawsuitState, { ar: string; en: string }> = {
  [LawsuitState.DRAFT]: { ar: 'مسودة', en: 'Draft' },
  [LawsuitState.AWAITING_PAYMENT]: { ar: 'بانتظار سداد الرسوم', en: 'Awaiting payment of the fee' },
  [LawsuitState.SUBMITTED]: { ar: 'مقدمة', en: 'Submitted' },
  [LawsuitState.RETURNED]: { ar: 'معادة للاستكمال', en: 'Returned for correction' },
  [LawsuitState.REJECTED]: { ar: 'مرفوضة', en: 'Rejected' },
  [LawsuitState.REGISTERED]: { ar: 'مقيدة', en: 'Registered' },
  [LawsuitState.IN_HEARINGS]: { ar: 'منظورة', en: 'In hearings' },
  [LawsuitState.JUDGMENT_ISSUED]: { ar: 'صدر فيها حكم', en: 'Judgment issued' },
  [LawsuitState.OBJECTED]: { ar: 'معترض على حكمها', en: 'Under objection' },
  [LawsuitState.APPEAL_DECIDED]: { ar: 'فصل في الاستئناف', en: 'Appeal decided' },
  [LawsuitState.FINAL]: { ar: 'حكم قطعي', en: 'Final judgment' },
  [LawsuitState.EXECUTION_REQUESTED]: { ar: 'طلب تنفيذها', en: 'Execution requested' },
  [LawsuitState.CLOSED]: { ar: 'مغلقة', en: 'Closed' },
  [LawsuitState.WITHDRAWN]: { ar: 'مسحوبة', en: 'Withdrawn' },
  [LawsuitState.SETTLED]: { ar: 'منتهية بالصلح', en: 'Settled' },
  [LawsuitState.STRUCK_OFF]: { ar: 'مشطوبة', en: 'Struck off' },
};
const HEARING_STATE: Record<HearingState, { ar: string; en: string }> = {
  [HearingState.SCHEDULED]: { ar: 'الجلسة قائمة في موعدها', en: 'Hearing scheduled as stated' },
  [HearingState.HELD]: { ar: 'عقدت الجلسة', en: 'Hearing held' },
  [HearingState.POSTPONED]: { ar: 'أُجلت الجلسة إلى موعد آخر', en: 'Hearing postponed to another date' },
  [HearingState.CANCELLED]: { ar: 'أُلغيت الجلسة', en: 'Hearing cancelled' },
};

type Names = { nameAr: string; nameEn: string };

/** What a use case already holds of a case, handed to its documents so that nothing is read twice. */
export interface KnownCase {
  file?: CaseFile;
  hearing?: Hearing;
}
const names = (n: Names | null) => (n ? { nameAr: n.nameAr, nameEn: n.nameEn } : null);

@Injectable()
export class LawsuitDocumentSubjects implements OnModuleInit {
  constructor(
    private readonly subjects: DocumentSubjects,
    private readonly lawsuits: LawsuitsService,
    private readonly organizations: OrganizationLookups,
    private readonly people: UserLookups,
  ) {}

  onModuleInit(): void {
    const common = {
      canRead: (ctx: RequestContext, lawsuitId: string) => this.canRead(ctx, lawsuitId),
    };
    const providers: DocumentSubjectProvider[] = [
      {
        kind: DocumentKind.LAWSUIT_RECEIPT,
        ...common,
        load: (tx, id) => this.receipt(tx, id),
        status: (ctx, d) => this.lawsuitStatus(ctx, d.instrumentId),
      },
      {
        kind: DocumentKind.HEARING_SUMMONS,
        ...common,
        load: (tx, id, known) => this.hearing(tx, id, 'summons', known as KnownCase | undefined),
        status: (ctx, d) => this.hearingStatus(ctx, d.instrumentId, d.subjectId, [HearingState.SCHEDULED, HearingState.HELD]),
      },
      {
        kind: DocumentKind.HEARING_MINUTES,
        ...common,
        load: (tx, id) => this.hearing(tx, id, 'minutes'),
        status: (ctx, d) => this.hearingStatus(ctx, d.instrumentId, d.subjectId, [HearingState.HELD]),
      },
      {
        kind: DocumentKind.JUDGMENT,
        ...common,
        load: (tx, id) => this.judgment(tx, id),
        status: (ctx, d) => this.judgmentStatus(ctx, d.instrumentId),
      },
      {
        kind: DocumentKind.EXECUTION_ORDER,
        ...common,
        load: (tx, id) => this.executionOrder(tx, id),
        status: (ctx, d) => this.judgmentStatus(ctx, d.instrumentId),
      },
      {
        kind: DocumentKind.SETTLEMENT,
        ...common,
        load: (tx, id) => this.settlement(tx, id),
        status: (ctx, d) => this.lawsuitStatus(ctx, d.instrumentId),
      },
    ];
    for (const provider of providers) this.subjects.register(provider);
  }

  private async canRead(ctx: RequestContext, lawsuitId: string): Promise<boolean> {
    const lawsuit = await ctx.repo(Lawsuit).findOneBy({ id: lawsuitId });
    return !!lawsuit && can(ctx, 'read', 'Lawsuit', await this.lawsuits.shape(ctx, lawsuit));
  }

  /** The case block every court document starts with, and its parties (IDs masked by the templates). */
  private async caseData(tx: RequestContext, lawsuit: Lawsuit, file?: CaseFile) {
    const court = await this.organizations.courtOf(tx, lawsuit.courtId);
    const circuit = lawsuit.circuitId ? await this.organizations.findCircuit(tx, lawsuit.circuitId) : null;
    const parties =
      file?.lawsuit.id === lawsuit.id
        ? file.parties
        : await tx.repo(LawsuitParty).find({ where: { lawsuitId: lawsuit.id }, order: { side: 'ASC', createdAt: 'ASC' } });
    return {
      caseNumber: lawsuit.caseNumber ?? '—',
      court: names(court),
      circuit: names(circuit),
      subject: lawsuit.subject,
      parties: parties.map((p) => ({
        sideAr: SIDE[p.side].ar,
        sideEn: SIDE[p.side].en,
        nameAr: p.nameAr,
        nameEn: p.nameEn,
        identifier: p.nationalId ?? p.organizationNumber ?? '—',
      })),
    };
  }

  private async receipt(tx: RequestContext, lawsuitId: string): Promise<SubjectSnapshot | null> {
    const lawsuit = await tx.repo(Lawsuit).findOneBy({ id: lawsuitId });
    if (!lawsuit) return null;
    const claims = await tx.repo(LawsuitClaim).find({ where: { lawsuitId }, order: { position: 'ASC' } });
    const unsubmitted = !lawsuit.submittedAt || lawsuit.state === LawsuitState.DRAFT || lawsuit.state === LawsuitState.AWAITING_PAYMENT;
    return {
      version: lawsuit.version,
      instrument: { type: 'Lawsuit', id: lawsuit.id },
      ...(unsubmitted
        ? {
            refusal: {
              machine: 'Lawsuit',
              from: lawsuit.state,
              event: 'issueReceipt',
              text: LITIGATION.receiptNotSubmitted({ from: lawsuit.state }),
            },
          }
        : {}),
      data: {
        ...(await this.caseData(tx, lawsuit)),
        category: CATEGORY[lawsuit.category],
        submittedAt: lawsuit.submittedAt ?? lawsuit.createdAt,
        registeredAt: lawsuit.registeredAt ?? lawsuit.submittedAt ?? lawsuit.createdAt,
        claimedAmount: lawsuit.claimedAmount,
        feeAmount: lawsuit.feeAmount,
        feeExempt: lawsuit.feeExempt,
        claims: claims.map((c) => ({ position: c.position, description: c.description, amount: c.amount })),
      },
    };
  }

  private async hearing(
    tx: RequestContext,
    hearingId: string,
    what: 'summons' | 'minutes',
    known?: KnownCase,
  ): Promise<SubjectSnapshot | null> {
    const hearing = known?.hearing?.id === hearingId ? known.hearing : await tx.repo(Hearing).findOneBy({ id: hearingId });
    if (!hearing) return null;
    const file = known?.file?.lawsuit.id === hearing.lawsuitId ? known.file : undefined;
    const lawsuit = file?.lawsuit ?? (await tx.repo(Lawsuit).findOneByOrFail({ id: hearing.lawsuitId }));
    const previous = hearing.previousHearingId ? await tx.repo(Hearing).findOneBy({ id: hearing.previousHearingId }) : null;
    const judge = hearing.judgeId ? await this.people.findUser(tx, hearing.judgeId) : null;
    const base = await this.caseData(tx, lawsuit, file);
    const data =
      what === 'summons'
        ? {
            ...base,
            hearing: {
              startsAt: hearing.startsAt,
              endsAt: hearing.endsAt,
              modeAr: MODE[hearing.mode].ar,
              modeEn: MODE[hearing.mode].en,
              room: hearing.room,
              previousStartsAt: previous?.startsAt ?? null,
              postponementReason: previous?.postponementReason ?? null,
            },
          }
        : {
            ...base,
            hearing: { startsAt: hearing.startsAt, heldAt: hearing.heldAt, minutes: hearing.minutes ?? '' },
            judge: names(judge),
          };
    const unheld = what === 'minutes' && hearing.state !== HearingState.HELD;
    return {
      version: hearing.version,
      instrument: { type: 'Lawsuit', id: lawsuit.id },
      data,
      ...(unheld
        ? {
            refusal: {
              machine: 'Hearing',
              from: hearing.state,
              event: 'issueMinutes',
              text: LITIGATION.minutesNotHeld({ from: hearing.state }),
            },
          }
        : {}),
    };
  }

  private async judgment(tx: RequestContext, judgmentId: string): Promise<SubjectSnapshot | null> {
    const judgment = await tx.repo(Judgment).findOneBy({ id: judgmentId });
    if (!judgment) return null;
    const lawsuit = await tx.repo(Lawsuit).findOneByOrFail({ id: judgment.lawsuitId });
    const judge = await this.people.userOf(tx, judgment.judgeId);
    return {
      version: judgment.version,
      instrument: { type: 'Lawsuit', id: lawsuit.id },
      data: {
        ...(await this.caseData(tx, lawsuit)),
        judge: names(judge),
        issuedAt: judgment.issuedAt,
        ruling: judgment.ruling,
        summary: judgment.summary,
        reasoning: judgment.reasoning,
        amountAwarded: judgment.amountAwarded,
        inFavourOf: SIDE[judgment.inFavourOf],
        objectionDeadline: judgment.objectionDeadline,
        urgent: judgment.urgent,
      },
    };
  }

  private async executionOrder(tx: RequestContext, requestId: string): Promise<SubjectSnapshot | null> {
    const request = await tx.repo(ExecutionRequest).findOneBy({ id: requestId });
    if (!request) return null;
    const lawsuit = await tx.repo(Lawsuit).findOneByOrFail({ id: request.lawsuitId });
    const judgment = await tx.repo(Judgment).findOneByOrFail({ id: request.judgmentId });
    const party = await tx.repo(LawsuitParty).findOneByOrFail({ id: request.partyId });
    // An amendment on appeal replaces the amount awarded.
    const amended = await tx.repo(Objection).findOne({ where: { judgmentId: judgment.id, decision: In(['AMEND']) } });
    return {
      version: 1, // an execution request never changes
      instrument: { type: 'Lawsuit', id: lawsuit.id },
      data: {
        ...(await this.caseData(tx, lawsuit)),
        judgment: {
          issuedAt: judgment.issuedAt,
          finalAt: judgment.finalAt,
          ruling: judgment.ruling,
          amountAwarded: amended?.amendedAmount ?? judgment.amountAwarded,
        },
        applicant: {
          nameAr: party.nameAr,
          nameEn: party.nameEn,
          sideAr: SIDE[party.side].ar,
          sideEn: SIDE[party.side].en,
          identifier: party.nationalId ?? party.organizationNumber ?? '—',
        },
        requestedAt: request.createdAt,
      },
    };
  }

  private async lawsuitStatus(ctx: RequestContext, lawsuitId: string): Promise<InstrumentStatus> {
    const lawsuit = await ctx.repo(Lawsuit).findOneByOrFail({ id: lawsuitId });
    const state = LAWSUIT_STATE[lawsuit.state];
    return {
      active: ![LawsuitState.REJECTED, LawsuitState.WITHDRAWN].includes(lawsuit.state),
      stateAr: `الدعوى ${state.ar}`,
      stateEn: `Lawsuit: ${state.en}`,
      labelAr: 'رقم الدعوى',
      labelEn: 'Case number',
      reference: lawsuit.caseNumber ?? '—',
    };
  }

  /** The settlement deed: only of a settlement the judge approved (otherwise INVALID_TRANSITION). */
  private async settlement(tx: RequestContext, settlementId: string): Promise<SubjectSnapshot | null> {
    const settlement = await tx.repo(Settlement).findOneBy({ id: settlementId });
    if (!settlement) return null;
    const lawsuit = await tx.repo(Lawsuit).findOneByOrFail({ id: settlement.lawsuitId });
    const approver = settlement.approvedBy ? await this.people.findUser(tx, settlement.approvedBy) : null;
    return {
      version: settlement.version,
      instrument: { type: 'Lawsuit', id: lawsuit.id },
      ...(settlement.state !== SettlementState.APPROVED
        ? {
            refusal: {
              machine: 'Settlement',
              from: settlement.state,
              event: 'issueDeed',
              text: LITIGATION.deedNotApproved({ from: settlement.state }),
            },
          }
        : {}),
      data: {
        ...(await this.caseData(tx, lawsuit)),
        terms: settlement.terms,
        amount: settlement.amount,
        instalments: settlement.instalments.map((i, k) => ({ position: k + 1, dueOn: i.dueOn, amount: i.amount })),
        approvedAt: settlement.approvedAt ?? settlement.updatedAt,
        judge: names(approver),
      },
    };
  }

  /** A summons stands while its hearing is on; a postponed or cancelled one is stale. */
  private async hearingStatus(
    ctx: RequestContext,
    lawsuitId: string,
    hearingId: string,
    standing: HearingState[],
  ): Promise<InstrumentStatus> {
    const base = await this.lawsuitStatus(ctx, lawsuitId);
    const hearing = await ctx.repo(Hearing).findOneByOrFail({ id: hearingId });
    const state = HEARING_STATE[hearing.state];
    return {
      ...base,
      active: standing.includes(hearing.state),
      stateAr: `${state.ar} — ${base.stateAr}`,
      stateEn: `${state.en} — ${base.stateEn}`,
    };
  }

  /** A judgment overturned on appeal no longer stands, whatever its PDF says. */
  private async judgmentStatus(ctx: RequestContext, lawsuitId: string): Promise<InstrumentStatus> {
    const base = await this.lawsuitStatus(ctx, lawsuitId);
    const overturned = await ctx.repo(Objection).findOne({ where: { lawsuitId, decision: In(['OVERTURN']) } });
    if (!overturned) return base;
    return { ...base, active: false, stateAr: 'نقضت محكمة الاستئناف الحكم', stateEn: 'The judgment was overturned on appeal' };
  }
}
