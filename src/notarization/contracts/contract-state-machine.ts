/**
 * The lifecycle of a notarized contract, as data. Signatures and agreements to cancel are
 * events that keep the state (each party's act is recorded beside it); the last party's act is
 * followed by `notarize` (by a notary) or `cancel` (at once, when every party agreed).
 */
import { registerEnumType } from '@nestjs/graphql';
import { Lifecycle, type Transition } from '../../core/lifecycle/lifecycle';

export enum ContractState {
  DRAFT = 'DRAFT',
  AWAITING_SIGNATURES = 'AWAITING_SIGNATURES',
  NOTARIZED = 'NOTARIZED',
  CANCELLED = 'CANCELLED',
  VOIDED = 'VOIDED',
}
registerEnumType(ContractState, { name: 'ContractState' });

export type ContractEvent = 'amend' | 'submit' | 'sign' | 'notarize' | 'agreeCancellation' | 'cancel' | 'void';

const S = ContractState;

export const CONTRACT_TRANSITIONS: Record<ContractEvent, Transition<ContractState, Record<string, never>>> = {
  // Changing the terms of a contract out for signature sends it back to draft: the signatures
  // collected so far were given to other terms, so they no longer count.
  amend: { from: [S.DRAFT, S.AWAITING_SIGNATURES], to: S.DRAFT },
  submit: { from: [S.DRAFT], to: S.AWAITING_SIGNATURES },
  sign: { from: [S.AWAITING_SIGNATURES], to: S.AWAITING_SIGNATURES },
  notarize: { from: [S.AWAITING_SIGNATURES], to: S.NOTARIZED },
  agreeCancellation: { from: [S.NOTARIZED], to: S.NOTARIZED },
  cancel: { from: [S.NOTARIZED], to: S.CANCELLED },
  void: { from: [S.NOTARIZED], to: S.VOIDED },
};

export const contractMachine = new Lifecycle<ContractState, ContractEvent>({
  name: 'Contract',
  auditPrefix: 'contract',
  description:
    'A notarized contract: drafted and amended, signed by every party, notarized, then cancelled by all parties or voided by a final judgment.',
  states: Object.values(ContractState),
  initial: [ContractState.DRAFT],
  final: [ContractState.CANCELLED, ContractState.VOIDED],
  transitions: CONTRACT_TRANSITIONS,
});
