/**
 * The steps a scenario knows, by name. A step reaches one stage of a lifecycle: before running it
 * reaches the steps it needs (`after`), so asking for a late stage runs every earlier one that has
 * not run yet, and asking again for a stage already reached does nothing.
 */
import type { Scenario } from './scenario';

export type LitigationStep =
  | 'court'
  | 'claimant'
  | 'defendant'
  | 'lawsuit'
  | 'submitted'
  | 'returned'
  | 'rejected'
  | 'registered'
  | 'defended'
  | 'hearingScheduled'
  | 'hearingPostponed'
  | 'hearingCancelled'
  | 'hearingHeld'
  | 'struckOff'
  | 'resumed'
  | 'waived'
  | 'waiverPending'
  | 'withdrawn'
  | 'settled'
  | 'judgmentIssued'
  | 'served'
  | 'objected'
  | 'everyWindowClosed'
  | 'appealDecided'
  | 'final'
  | 'executionRequested';

export type NotarizationStep =
  | 'principal'
  | 'agent'
  | 'poa'
  | 'poaIssuedByNotary'
  | 'poaSelfIssued'
  | 'poaRevoked'
  | 'poaWithdrawn'
  | 'seller'
  | 'buyer'
  | 'contract'
  | 'contractDrafted'
  | 'awaitingSignatures'
  | 'contractSigned'
  | 'notaryFeePaid'
  | 'contractNotarized'
  | 'documentRequested';

export type StepName = LitigationStep | NotarizationStep;

export interface StepDef<O = any> {
  /** The steps to reach first (with their options), decided when this one is reached. */
  after?: (s: Scenario, options: O | undefined) => (StepName | [StepName, unknown])[];
  /**
   * Whether the case is there already, moved by the spec itself (over HTTP, say): then the step
   * takes what it would have made (ids) from the database, and does not run.
   */
  already?: (s: Scenario) => Promise<boolean>;
  run: (s: Scenario, options: O | undefined) => Promise<void>;
}

export type StepTable<N extends StepName> = Record<N, StepDef>;
