/**
 * The lawsuit lifecycle of DESIGN.md, in one table.
 *
 * DRAFT → SUBMITTED → REGISTERED | RETURNED (corrected and resubmitted) | REJECTED;
 * REGISTERED → IN_HEARINGS → JUDGMENT_ISSUED → (OBJECTED → APPEAL_DECIDED) → FINAL →
 * EXECUTION_REQUESTED → CLOSED; also WITHDRAWN (by the claimant before judgment), SETTLED
 * (reconciliation) and STRUCK_OFF (claimant absent; resumed once, within the window of struck-off-rules.ts).
 */
import { registerEnumType } from '@nestjs/graphql';
import { StateMachine } from '../core/state-machine/state-machine';

export enum LawsuitState {
  DRAFT = 'DRAFT',
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
  | 'return'
  | 'reject'
  | 'register'
  | 'scheduleFirstHearing'
  | 'issueJudgment'
  | 'object'
  | 'decideAppeal'
  | 'finalize'
  | 'requestExecution'
  | 'close'
  | 'withdraw'
  | 'settle'
  | 'strikeOff'
  | 'resume';

const S = LawsuitState;

/** Before judgment: the claimant may still withdraw, the parties may still settle. */
const PENDING_BEFORE_JUDGMENT = [S.DRAFT, S.SUBMITTED, S.RETURNED, S.REGISTERED, S.IN_HEARINGS] as const;

export const lawsuitMachine = new StateMachine<LawsuitState, LawsuitEvent>('Lawsuit', {
  submit: { from: [S.DRAFT, S.RETURNED], to: S.SUBMITTED },
  return: { from: [S.SUBMITTED], to: S.RETURNED },
  reject: { from: [S.SUBMITTED], to: S.REJECTED },
  register: { from: [S.SUBMITTED], to: S.REGISTERED },
  scheduleFirstHearing: { from: [S.REGISTERED], to: S.IN_HEARINGS },
  issueJudgment: { from: [S.IN_HEARINGS], to: S.JUDGMENT_ISSUED },
  object: { from: [S.JUDGMENT_ISSUED], to: S.OBJECTED },
  decideAppeal: { from: [S.OBJECTED], to: S.APPEAL_DECIDED },
  finalize: { from: [S.JUDGMENT_ISSUED, S.APPEAL_DECIDED], to: S.FINAL },
  requestExecution: { from: [S.FINAL], to: S.EXECUTION_REQUESTED },
  close: { from: [S.EXECUTION_REQUESTED], to: S.CLOSED },
  withdraw: { from: PENDING_BEFORE_JUDGMENT, to: S.WITHDRAWN },
  settle: { from: [S.REGISTERED, S.IN_HEARINGS], to: S.SETTLED },
  strikeOff: { from: [S.IN_HEARINGS], to: S.STRUCK_OFF },
  resume: { from: [S.STRUCK_OFF], to: S.IN_HEARINGS },
});
