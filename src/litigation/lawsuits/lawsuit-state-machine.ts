/**
 * The lawsuit lifecycle, as data (docs/lifecycles.md is generated from it).
 *
 * DRAFT → (AWAITING_PAYMENT, while the filing fee is unpaid) → SUBMITTED → REGISTERED | RETURNED (corrected and resubmitted) | REJECTED;
 * REGISTERED → IN_HEARINGS → JUDGMENT_ISSUED → (OBJECTED → APPEAL_DECIDED) → FINAL →
 * EXECUTION_REQUESTED → CLOSED (the execution acknowledged fulfilled); also WITHDRAWN (by the claimant
 * before judgment), SETTLED (reconciliation) and STRUCK_OFF (claimant absent; resumed once, within the
 * window of struck-off-rules.ts, else CLOSED when it passes).
 */
import { registerEnumType } from '@nestjs/graphql';
import { Lifecycle } from '../../core/lifecycle/lifecycle';
import { LITIGATION } from '../litigation-messages';

export enum LawsuitState {
  DRAFT = 'DRAFT',
  /** Submitted, waiting for its filing fee (docs/payments.md); an unpaid bill's expiry sends it back to DRAFT. */
  AWAITING_PAYMENT = 'AWAITING_PAYMENT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  REJECTED = 'REJECTED',
  REGISTERED = 'REGISTERED',
  IN_HEARINGS = 'IN_HEARINGS',
  JUDGMENT_ISSUED = 'JUDGMENT_ISSUED',
  OBJECTED = 'OBJECTED',
  APPEAL_DECIDED = 'APPEAL_DECIDED',
  FINAL = 'FINAL',
  EXECUTION_REQUESTED = 'EXECUTION_REQUESTED',
  CLOSED = 'CLOSED',
  WITHDRAWN = 'WITHDRAWN',
  SETTLED = 'SETTLED',
  STRUCK_OFF = 'STRUCK_OFF',
}
registerEnumType(LawsuitState, { name: 'LawsuitState' });

export type LawsuitEvent =
  | 'submit'
  | 'awaitFee'
  | 'feePaid'
  | 'feeLapsed'
  | 'waiveFee'
  | 'return'
  | 'reject'
  | 'register'
  | 'scheduleFirstHearing'
  | 'scheduleHearing'
  | 'submitMemo'
  | 'waive'
  | 'issueJudgment'
  | 'object'
  | 'acceptJudgment'
  | 'recordService'
  | 'decideAppeal'
  | 'finalize'
  | 'requestExecution'
  | 'close'
  | 'withdraw'
  | 'settle'
  | 'strikeOff'
  | 'resume'
  | 'lapse'
  | 'seal'
  | 'unseal'
  | 'transfer'
  | 'notify';

/** What the guards of a lawsuit's transitions look at beyond its state, gathered by the use case. */
export interface LawsuitFacts {
  /** issueJudgment: a hearing of the case was held. */
  heldHearing?: boolean;
  /** decideAppeal: an objection awaits the appeal court. */
  pendingObjection?: boolean;
  /** resume: the case was resumed once already. */
  resumedBefore?: boolean;
  /** notify: the case has a number (it was registered). */
  registered?: boolean;
  /** object, acceptJudgment: what the acting party did already about this judgment (each party objects or accepts once). */
  answered?: 'objected' | 'accepted';
  /** seal, unseal: the case is sealed now. */
  sealed?: boolean;
  /** decideAppeal: every party objected or let its window pass (the appeal court decides all objections together). */
  windowsClosed?: boolean;
}

const S = LawsuitState;

/** Before judgment: the claimant may still withdraw, the parties may still settle. */
const PENDING_BEFORE_JUDGMENT = [S.DRAFT, S.AWAITING_PAYMENT, S.SUBMITTED, S.RETURNED, S.REGISTERED, S.IN_HEARINGS] as const;
/** Every state but the ones before registration and the closed file. */
const ON_THE_COURTS_BOOKS = [
  S.REGISTERED,
  S.IN_HEARINGS,
  S.JUDGMENT_ISSUED,
  S.OBJECTED,
  S.APPEAL_DECIDED,
  S.FINAL,
  S.EXECUTION_REQUESTED,
  S.WITHDRAWN,
  S.SETTLED,
  S.STRUCK_OFF,
] as const;

/** A party objects to a judgment, or accepts it, once. */
const ANSWERS_ONCE = {
  name: 'not answered yet',
  holds: (f: LawsuitFacts) => !f.answered,
  refusal: (f: LawsuitFacts) => (f.answered === 'accepted' ? LITIGATION.acceptedAlready() : LITIGATION.objectedAlready()),
};

export const lawsuitMachine = new Lifecycle<LawsuitState, LawsuitEvent, LawsuitFacts>({
  name: 'Lawsuit',
  nameAr: 'الدعوى',
  auditPrefix: 'lawsuit',
  description: 'A claim from its filing to its end: review, registration, hearings, judgment, objection, finality and execution.',
  states: Object.values(LawsuitState),
  initial: [S.DRAFT],
  final: [S.REJECTED, S.CLOSED, S.WITHDRAWN, S.SETTLED],
  transitions: {
    submit: { from: [S.DRAFT, S.RETURNED], to: S.SUBMITTED, ability: 'submit', effects: ['notice to the filing side'] },
    awaitFee: {
      from: [S.DRAFT, S.RETURNED],
      to: S.AWAITING_PAYMENT,
      ability: 'submit',
      audit: 'lawsuit.submit',
      effects: ['a bill for the filing fee still due, and its notice to the payer'],
    },
    feePaid: { from: [S.AWAITING_PAYMENT], to: S.SUBMITTED, effects: ['notice to the filing side'] },
    waiveFee: {
      from: [S.AWAITING_PAYMENT],
      to: S.SUBMITTED,
      ability: 'review',
      effects: ['legal aid: the open bill cancelled', 'notice to the filing side'],
    },
    feeLapsed: { from: [S.AWAITING_PAYMENT], to: S.DRAFT, effects: ["the bill's expiry notice says the filing went back to draft"] },
    return: { from: [S.SUBMITTED], to: S.RETURNED, ability: 'review', effects: ['notice to the filing side'] },
    reject: { from: [S.SUBMITTED], to: S.REJECTED, ability: 'review', effects: ['notice to the filing side'] },
    register: {
      from: [S.SUBMITTED],
      to: S.REGISTERED,
      ability: 'review',
      effects: ['case number', 'referral to the least-loaded circuit', 'notice to every party', 'filing receipt'],
    },
    scheduleFirstHearing: { from: [S.REGISTERED], to: S.IN_HEARINGS, ability: 'schedule (Hearing)', effects: ['summons'] },
    scheduleHearing: {
      from: [S.IN_HEARINGS],
      ability: 'schedule (Hearing)',
      refusal: (from) => LITIGATION.noHearingInState({ from }),
      effects: ['notice to the parties and the bench', 'summons'],
    },
    submitMemo: {
      from: [S.IN_HEARINGS],
      ability: 'plead',
      refusal: (from) => LITIGATION.memoNotInState({ from }),
    },
    waive: {
      from: [S.REGISTERED, S.IN_HEARINGS],
      ability: 'waive',
      refusal: (from) => LITIGATION.noWaiverInState({ from }),
      effects: ['withdrawal at once when no defence was filed'],
    },
    issueJudgment: {
      from: [S.IN_HEARINGS],
      to: S.JUDGMENT_ISSUED,
      ability: 'judge',
      guards: [{ name: 'a hearing was held', holds: (f) => !!f.heldHearing, refusal: LITIGATION.judgmentNeedsHearing() }],
      effects: [
        'notice to every party (service starts each objection window)',
        'judgment document',
        'every hearing still scheduled cancelled',
      ],
    },
    object: {
      // Each party objects within its own window: the first objection refers the case to the appeal
      // court, the others join it there until the court decides.
      from: [S.JUDGMENT_ISSUED, S.OBJECTED],
      to: S.OBJECTED,
      ability: 'object',
      refusal: (from) => LITIGATION.noObjectionInState({ from }),
      guards: [ANSWERS_ONCE],
      effects: ['referral to the appeal court', 'notice to every party'],
    },
    acceptJudgment: {
      from: [S.JUDGMENT_ISSUED, S.OBJECTED],
      ability: 'object',
      refusal: (from) => LITIGATION.noObjectionInState({ from }),
      guards: [ANSWERS_ONCE],
      effects: ["the party's window closes", 'finalize, when every window is closed and no one objected'],
    },
    recordService: {
      from: [S.JUDGMENT_ISSUED, S.OBJECTED],
      ability: 'serve',
      refusal: (from) => LITIGATION.noServiceInState({ from }),
      effects: ['the party’s objection window starts', 'notice of the recorded service'],
    },
    decideAppeal: {
      from: [S.OBJECTED],
      to: S.APPEAL_DECIDED,
      ability: 'decide (Objection)',
      refusal: (from) => LITIGATION.noAppealInState({ from }),
      guards: [
        { name: 'an objection is pending', holds: (f) => !!f.pendingObjection, refusal: LITIGATION.noPendingAppeal() },
        { name: 'every window closed', holds: (f) => !!f.windowsClosed, refusal: LITIGATION.windowsStillOpen() },
      ],
      effects: ['every pending objection decided together', 'notice to every party'],
    },
    finalize: { from: [S.JUDGMENT_ISSUED, S.APPEAL_DECIDED], to: S.FINAL, effects: ['notice to every party'] },
    requestExecution: { from: [S.FINAL], to: S.EXECUTION_REQUESTED, ability: 'execute', effects: ['execution order'] },
    close: {
      from: [S.EXECUTION_REQUESTED],
      to: S.CLOSED,
      ability: 'execute',
      refusal: (from) => LITIGATION.noFulfilmentInState({ from }),
      effects: ['by the party the judgment favours acknowledging it fulfilled', 'notice to every party'],
    },
    withdraw: {
      from: PENDING_BEFORE_JUDGMENT,
      to: S.WITHDRAWN,
      ability: 'withdraw',
      effects: ['notice', 'every hearing still scheduled cancelled'],
    },
    settle: {
      from: [S.REGISTERED, S.IN_HEARINGS],
      to: S.SETTLED,
      ability: 'judge',
      effects: ['notice to every party', 'every hearing still scheduled cancelled'],
    },
    strikeOff: {
      from: [S.IN_HEARINGS],
      to: S.STRUCK_OFF,
      ability: 'judge',
      effects: ['notice to every party', 'every hearing still scheduled cancelled'],
    },
    resume: {
      from: [S.STRUCK_OFF],
      to: S.IN_HEARINGS,
      ability: 'resume',
      guards: [{ name: 'not resumed before', holds: (f) => !f.resumedBefore, refusal: LITIGATION.resumedOnce() }],
      effects: ['notice to every party'],
    },
    lapse: {
      from: [S.STRUCK_OFF],
      to: S.CLOSED,
      effects: ['by the sweep, once the resumption window of struck-off-rules.ts passed unused', 'notice to every party'],
    },
    transfer: {
      from: [S.REGISTERED, S.IN_HEARINGS],
      ability: 'judge',
      refusal: (from) => LITIGATION.noTransferInState({ from }),
      effects: [
        'to another court (a new case number, the old one kept) or circuit',
        'every hearing still scheduled cancelled',
        'notice to every party',
      ],
    },
    seal: {
      from: [...ON_THE_COURTS_BOOKS, S.CLOSED],
      ability: 'judge',
      refusal: (from) => LITIGATION.noSealInState({ from }),
      guards: [{ name: 'not sealed', holds: (f) => f.sealed === false, refusal: LITIGATION.sealedAlready() }],
      effects: ['the reason audited', 'from then on read only by those a sealed case is for'],
    },
    unseal: {
      from: [...ON_THE_COURTS_BOOKS, S.CLOSED],
      ability: 'judge',
      refusal: (from) => LITIGATION.noSealInState({ from }),
      guards: [{ name: 'sealed', holds: (f) => f.sealed === true, refusal: LITIGATION.notSealed() }],
      effects: ['the reason audited'],
    },
    notify: {
      from: ON_THE_COURTS_BOOKS,
      ability: 'notify',
      refusal: (from) => LITIGATION.noticeNotInState({ from }),
      guards: [
        {
          name: 'registered',
          holds: (f) => !!f.registered,
          refusal: LITIGATION.noticeUnregistered(),
        },
      ],
      effects: ['court notice to the parties named'],
    },
  },
});
