/**
 * The litigation steps: a lawsuit filed by its claimant, submitted, reviewed by the clerk of its
 * court, heard, judged by the presiding judge, served, objected to, decided on appeal, final and
 * executed — or returned, rejected, defended, waived, withdrawn, settled, struck off and resumed.
 * Every step is the service call the person it names would make; none writes a row itself.
 */
import { HearingsService } from '../../src/litigation/hearings/hearings.service';
import { AppealDecision } from '../../src/litigation/judgments/judgment.enums';
import { JudgmentsService } from '../../src/litigation/judgments/judgments.service';
import { LawsuitOutcomesService } from '../../src/litigation/lawsuits/lawsuit-outcomes.service';
import { LawsuitCategory, PartyKind, PartySide, ReviewDecision } from '../../src/litigation/lawsuits/lawsuit.enums';
import type { FileLawsuitInput, PartyInput } from '../../src/litigation/lawsuits/lawsuit.inputs';
import { FilingFees } from '../../src/litigation/lawsuits/filing-fees';
import { LawsuitFilings } from '../../src/litigation/lawsuits/lawsuit-filings.service';
import { LawsuitsService } from '../../src/litigation/lawsuits/lawsuits.service';
import { PleadingsService } from '../../src/litigation/pleadings/pleadings.service';
import { adoptCourt, clerkOf, courtByCode, CourtLike, ensureCircuit, judgeOfCourt, ownCourt } from './courts';
import { payOpenBills } from './fees';
import { citizen, Person, PersonSpec } from './people';
import {
  actingJudge,
  adoptHearing,
  adoptRegistration,
  closeEveryWindow,
  filed,
  HearingOptions,
  HoldOptions,
  serve,
  ServedOptions,
  stateOf,
  winner,
} from './case-acts';
import type { Scenario } from './scenario';
import type { StepTable, LitigationStep } from './steps';

export type CourtSpec = string | CourtLike;

/** What the lawsuit says; anything of FileLawsuitInput may be given, `amount` is the one claim's. */
export type LawsuitOptions = Partial<Omit<FileLawsuitInput, 'category'>> & {
  category?: LawsuitCategory | `${LawsuitCategory}`;
  amount?: number;
  /** Filed by the agent of a power of attorney the claimant gave (issued by a notary unless self-issued). */
  byAgent?: boolean;
};

export interface JudgmentOptions {
  inFavourOf?: PartySide | `${PartySide}`;
  amountAwarded?: number;
  ruling?: string;
}

export interface ObjectionOptions {
  by?: 'claimant' | 'defendant';
  reasons?: string;
}

export interface AppealOptions {
  decision?: AppealDecision | `${AppealDecision}`;
  amendedAmount?: number;
  reasoning?: string;
}

const REASON = 'أرفق سند القرض — attach the loan contract';

const lawsuits = (s: Scenario) => s.host.get(LawsuitsService);
const filings = (s: Scenario) => s.host.get(LawsuitFilings);
const filingFees = (s: Scenario) => s.host.get(FilingFees);
const hearings = (s: Scenario) => s.host.get(HearingsService);
const judgments = (s: Scenario) => s.host.get(JudgmentsService);
const pleadings = (s: Scenario) => s.host.get(PleadingsService);
const outcomes = (s: Scenario) => s.host.get(LawsuitOutcomesService);

function partyInput(p: Person): PartyInput {
  return { kind: PartyKind.PERSON, nationalId: p.nationalId, nameAr: p.nameAr, nameEn: p.nameEn };
}

export const LITIGATION_STEPS: StepTable<LitigationStep> = {
  court: {
    run: async (s, spec?: CourtSpec) => {
      s.venue = typeof spec === 'string' ? await courtByCode(s.host, spec) : spec ? adoptCourt(s.host, spec) : await ownCourt(s.host);
      s.courtId = s.venue.id;
      s.courtCode = s.venue.code;
    },
  },
  claimant: {
    run: async (s, spec?: PersonSpec | Person) => {
      s.actors.claimant = spec instanceof Person ? spec : await citizen(s.host, spec, { nameAr: 'المدعي', nameEn: 'Claimant Person' });
    },
  },
  defendant: {
    run: async (s, spec?: PersonSpec | Person) => {
      s.actors.defendant =
        spec instanceof Person ? spec : await citizen(s.host, spec, { nameAr: 'المدعى عليه', nameEn: 'Defendant Person' });
    },
  },
  lawsuit: {
    run: async (s, options: LawsuitOptions = {}) => {
      const { amount, byAgent, ...given } = options;
      // The court and the people are independent: made at once (registering hashes a password).
      await Promise.all([s.reach('court'), s.reach('claimant'), given.defendants ? undefined : s.reach('defendant')]);
      const category = (given.category ?? LawsuitCategory.CIVIL) as LawsuitCategory;
      await ensureCircuit(s.host, s.venue, category);
      const input: FileLawsuitInput = {
        subject: 'مطالبة بمبلغ مالي — Claim for an unpaid loan',
        facts: 'أقرض المدعي المدعى عليه مبلغاً ولم يسدده. The claimant lent the defendant money that was not repaid.',
        claims: [{ description: 'إلزام المدعى عليه بسداد المبلغ — repay the loan', amount: amount ?? 80000 }],
        claimants: [partyInput(s.actors.claimant)],
        defendants: given.defendants ?? [partyInput(s.actors.defendant)],
        courtId: s.venue.id,
        sealed: false,
        attachments: [],
        ...given,
        category,
      };
      s.actors.filer = s.actors.claimant;
      if (byAgent) {
        await s.reach('principal', s.actors.claimant);
        await s.reach(s.reached('poaSelfIssued') ? 'poaSelfIssued' : 'poaIssuedByNotary');
        s.actors.filer = s.actors.agent;
        input.powerOfAttorneyId = s.poaId;
      }
      const lawsuit = await filings(s).file(await s.actors.filer.ctx(), input);
      s.lawsuitId = lawsuit.id;
    },
  },
  submitted: {
    after: () => ['lawsuit'],
    already: filed(async (s) => !['DRAFT', 'RETURNED', 'AWAITING_PAYMENT'].includes(await stateOf(s))),
    run: async (s) => {
      const filer = await s.actors.filer.ctx();
      if ((await stateOf(s)) !== 'AWAITING_PAYMENT') await filingFees(s).submit(filer, s.lawsuitId);
      // A filing with a fee waits for it: the filer pays at the gateway.
      await payOpenBills(s.host, await s.actors.filer.ctx(), 'Lawsuit', s.lawsuitId);
    },
  },
  returned: {
    after: () => ['submitted'],
    run: async (s, reason: string = REASON) => {
      const clerk = await clerkOf(s.host, s.venue.id);
      await lawsuits(s).review(await clerk.ctx(), { id: s.lawsuitId, decision: ReviewDecision.RETURN, reason });
    },
  },
  rejected: {
    after: () => ['submitted'],
    run: async (s, reason: string = REASON) => {
      const clerk = await clerkOf(s.host, s.venue.id);
      await lawsuits(s).review(await clerk.ctx(), { id: s.lawsuitId, decision: ReviewDecision.REJECT, reason });
    },
  },
  registered: {
    after: () => ['submitted'],
    already: filed(adoptRegistration),
    run: async (s) => {
      const clerk = await clerkOf(s.host, s.venue.id);
      await lawsuits(s).review(await clerk.ctx(), { id: s.lawsuitId, decision: ReviewDecision.ACCEPT });
      await adoptRegistration(s);
    },
  },
  defended: {
    after: () => ['registered'],
    run: async (s, body: string = 'أنكر الدعوى — I deny the claim') =>
      void (await pleadings(s).submitDefence(await s.actors.defendant.ctx(), s.lawsuitId, body)),
  },
  hearingScheduled: {
    after: () => ['registered'],
    already: filed((s) => adoptHearing(s, ['SCHEDULED', 'HELD', 'POSTPONED', 'CANCELLED'])),
    run: async (s, options?: HearingOptions) => void (await s.scheduleHearing(options)),
  },
  hearingPostponed: {
    after: () => ['hearingScheduled'],
    run: async (s, options: HearingOptions & { reason?: string } = {}) => {
      const clerk = await clerkOf(s.host, s.venue.id);
      const next = await s.freeSlot(options.at ?? new Date(s.hearingAt.getTime() + 7 * 86_400_000), (startsAt) =>
        clerk.ctx().then((ctx) =>
          hearings(s).postpone(ctx, {
            hearingId: s.hearingId,
            reason: options.reason ?? 'طلب المدعى عليه مهلة — the defendant asked for time',
            startsAt,
            durationMinutes: options.durationMinutes ?? 30,
          }),
        ),
      );
      s.postponedHearingId = s.hearingId;
      s.useHearing(next);
    },
  },
  hearingCancelled: {
    after: () => ['hearingScheduled'],
    run: async (s, reason: string = 'اعتذار الدائرة — the circuit cannot sit') => {
      const clerk = await clerkOf(s.host, s.venue.id);
      await hearings(s).cancel(await clerk.ctx(), { hearingId: s.hearingId, reason });
    },
  },
  hearingHeld: {
    after: () => ['hearingScheduled'],
    already: filed((s) => adoptHearing(s, ['HELD'])),
    run: async (s, options?: HoldOptions) => s.holdHearing(options),
  },
  struckOff: {
    after: () => [['hearingHeld', { claimantPresent: false }]],
    run: async (s) => void (await outcomes(s).strikeOff(await (await actingJudge(s)).ctx(), s.lawsuitId, s.hearingId)),
  },
  resumed: {
    after: () => ['struckOff'],
    run: async (s) => void (await outcomes(s).resume(await s.actors.claimant.ctx(), s.lawsuitId)),
  },
  waived: {
    after: () => ['registered'],
    run: async (s) => void (await pleadings(s).waiveClaim(await s.actors.claimant.ctx(), s.lawsuitId)),
  },
  waiverPending: {
    after: () => ['defended', 'waived'],
    run: async () => undefined,
  },
  withdrawn: {
    after: () => ['lawsuit'],
    run: async (s) => void (await lawsuits(s).withdraw(await s.actors.claimant.ctx(), s.lawsuitId)),
  },
  settled: {
    after: () => ['registered'],
    run: async (s) => void (await outcomes(s).settle(await (await actingJudge(s)).ctx(), s.lawsuitId)),
  },
  judgmentIssued: {
    after: () => ['hearingHeld'],
    already: filed(async (s) => {
      const [judgment] = await s.host.db.query<{ id: string }[]>('SELECT id FROM judgments WHERE lawsuit_id = $1', [s.lawsuitId]);
      if (judgment) s.judgmentId = judgment.id;
      return !!judgment;
    }),
    run: async (s, options: JudgmentOptions = {}) => {
      const judgment = await judgments(s).issue(await (await actingJudge(s)).ctx(), {
        lawsuitId: s.lawsuitId,
        ruling: options.ruling ?? 'ألزمت المحكمة المدعى عليه بالسداد — the defendant shall pay',
        summary: 'ثبوت الدين — the debt is proven',
        reasoning: 'لما ثبت من سند القرض — as the loan contract shows',
        amountAwarded: options.amountAwarded ?? 80000,
        inFavourOf: (options.inFavourOf ?? PartySide.CLAIMANT) as PartySide,
      });
      s.judgmentId = judgment.id;
    },
  },
  served: {
    after: () => ['judgmentIssued'],
    run: async (s, options: ServedOptions = {}) => serve(s, options.only),
  },
  objected: {
    after: () => ['judgmentIssued'],
    already: filed(async (s) => {
      const [objection] = await s.host.db.query<{ id: string; appeal_court_id: string }[]>(
        'SELECT id, appeal_court_id FROM objections WHERE lawsuit_id = $1 ORDER BY created_at DESC LIMIT 1',
        [s.lawsuitId],
      );
      if (objection) [s.objectionId, s.appealCourtId] = [objection.id, objection.appeal_court_id];
      return !!objection;
    }),
    run: async (s, options: ObjectionOptions = {}) => {
      const by = options.by === 'claimant' ? s.actors.claimant : s.actors.defendant;
      const objection = await judgments(s).fileObjection(await by.ctx(), {
        lawsuitId: s.lawsuitId,
        reasons: options.reasons ?? 'سددت جزءاً من الدين — part of the debt was repaid',
      });
      s.objectionId = objection.id;
      s.appealCourtId = objection.appealCourtId;
    },
  },
  everyWindowClosed: {
    after: () => ['judgmentIssued'],
    run: async (s) => closeEveryWindow(s),
  },
  appealDecided: {
    // The appeal court decides every objection together, once every window is closed.
    after: () => ['objected', 'everyWindowClosed'],
    run: async (s, options: AppealOptions = {}) => {
      const appealJudge = await judgeOfCourt(s.host, s.appealCourtId);
      await judgments(s).decideAppeal(await appealJudge.ctx(), {
        lawsuitId: s.lawsuitId,
        decision: (options.decision ?? AppealDecision.UPHOLD) as AppealDecision,
        reasoning: options.reasoning ?? 'الحكم موافق للأصول — the judgment stands',
        amendedAmount: options.amendedAmount,
      });
    },
  },
  final: {
    // On appeal when objected to; otherwise every party is served and every window passes unused.
    after: (s) => (s.reached('objected') ? ['appealDecided'] : ['served']),
    already: filed(async (s) => {
      const [row] = await s.host.db.query<{ id: string; state: string }[]>(
        'SELECT j.id, l.state FROM lawsuits l JOIN judgments j ON j.lawsuit_id = l.id WHERE l.id = $1',
        [s.lawsuitId],
      );
      if (row) s.judgmentId = row.id;
      return ['FINAL', 'EXECUTION_REQUESTED', 'CLOSED'].includes(row?.state);
    }),
    run: async (s) => {
      if (s.reached('appealDecided')) return; // final on appeal
      const [row] = await s.host.db.query<{ objection_deadline: Date }[]>('SELECT objection_deadline FROM judgments WHERE id = $1', [
        s.judgmentId,
      ]);
      s.host.at(new Date(row.objection_deadline.getTime() + 60_000));
      await judgments(s).finalizeExpired(s.host.system());
    },
  },
  executionRequested: {
    after: () => ['final'],
    run: async (s) => {
      const request = await judgments(s).requestExecution(await (await winner(s)).ctx(), s.lawsuitId);
      s.executionRequestId = request.id;
    },
  },
};
