/**
 * The lifecycle of a notarized contract, as data. Signatures and agreements to cancel are
 * events that keep the state (each party's act is recorded beside it); the last party's act is
 * followed by `notarize` (by a notary) or `cancel` (at once, when every party agreed).
 */
import { registerEnumType } from '@nestjs/graphql';
import { type Guard, Lifecycle, type Transition } from '../../core/lifecycle/lifecycle';
import { NOTARIZATION } from '../notarization-messages';
import type { Text } from '../../core/i18n/messages';

export enum ContractState {
  DRAFT = 'DRAFT',
  AWAITING_SIGNATURES = 'AWAITING_SIGNATURES',
  NOTARIZED = 'NOTARIZED',
  CANCELLED = 'CANCELLED',
  VOIDED = 'VOIDED',
  /** Its drafter gave up the draft before anyone signed it into force. */
  DISCARDED = 'DISCARDED',
  /** A notary of the office refused to notarize it, with a reason. */
  REFUSED = 'REFUSED',
}
registerEnumType(ContractState, { name: 'ContractState' });

export type ContractEvent =
  'amend' | 'submit' | 'feeLapsed' | 'sign' | 'notarize' | 'agreeCancellation' | 'cancel' | 'void' | 'discard' | 'refuse';

/** What the guards look at: the contract's parties still to sign, and the parties the act is for that have not acted yet. */
export interface ContractFacts {
  unsignedPartyIds?: string[];
  partiesToAct?: number;
}

const S = ContractState;

const everyPartySigned: Guard<ContractFacts> = {
  name: 'everyPartySigned',
  holds: (f) => f.unsignedPartyIds?.length === 0,
  refusal: (f) => NOTARIZATION.unsigned({ count: f.unsignedPartyIds?.length ?? '?' }),
  details: (f) => ({ unsignedPartyIds: f.unsignedPartyIds ?? [] }),
};

/** A party signs (or agrees to cancel) once: the act needs a party of the caller's that has not yet. */
const actOnce = (refusal: Text): Guard<ContractFacts> => ({
  name: 'notActedYet',
  holds: (f) => (f.partiesToAct ?? 0) > 0,
  refusal,
});

export const CONTRACT_TRANSITIONS: Record<ContractEvent, Transition<ContractState, ContractFacts>> = {
  // Changing the terms of a contract out for signature sends it back to draft: the signatures
  // collected so far were given to other terms, so they no longer count.
  amend: {
    from: [S.DRAFT, S.AWAITING_SIGNATURES],
    to: S.DRAFT,
    ability: 'update',
    effects: ['signatures given so far invalidated', 'notice to the parties when it was out for signature'],
  },
  submit: {
    from: [S.DRAFT],
    to: S.AWAITING_SIGNATURES,
    ability: 'submit',
    effects: ['notice to the parties', 'the notary fee billed to its payer (unless paid already)'],
  },
  // The notary fee billed at submission expired unpaid (docs/payments.md): back to draft, as an
  // amendment would send it, so that putting it to signature again bills again.
  feeLapsed: {
    from: [S.AWAITING_SIGNATURES],
    to: S.DRAFT,
    effects: ["by the notary fee's bill expiring unpaid", 'signatures given so far invalidated', 'notice to the parties'],
  },
  sign: {
    from: [S.AWAITING_SIGNATURES],
    to: S.AWAITING_SIGNATURES,
    ability: 'sign (or an agent with the power)',
    guards: [actOnce(NOTARIZATION.signedAlready())],
    audit: 'contract.signed',
  },
  notarize: {
    from: [S.AWAITING_SIGNATURES],
    to: S.NOTARIZED,
    ability: 'notarize',
    guards: [everyPartySigned],
    // Then the notary fee: PAYMENT_REQUIRED while any of it is unpaid (contract-fees.ts).
    effects: ['notice to the parties with the verification code', 'the notarized contract document'],
  },
  agreeCancellation: {
    from: [S.NOTARIZED],
    to: S.NOTARIZED,
    ability: 'cancel (or an agent with the power)',
    guards: [actOnce(NOTARIZATION.agreedToCancelAlready())],
    effects: ['cancel, when it was the last party'],
    audit: 'contract.cancellation_agreed',
  },
  cancel: { from: [S.NOTARIZED], to: S.CANCELLED, effects: ['notice to the parties'] },
  void: { from: [S.NOTARIZED], to: S.VOIDED, ability: 'void (a final judgment of the court)', effects: ['notice to the parties'] },
  discard: {
    from: [S.DRAFT],
    to: S.DISCARDED,
    ability: 'discard (its drafter)',
    effects: ['a notary fee paid for it given back', 'notice to the parties'],
  },
  refuse: {
    from: [S.DRAFT, S.AWAITING_SIGNATURES],
    to: S.REFUSED,
    ability: 'refuse (a notary of the office, with a reason)',
    effects: [
      'signatures given so far void',
      'the open notary fee bill cancelled, a paid fee given back',
      'notice to the parties with the reason',
    ],
  },
};

export const contractMachine = new Lifecycle<ContractState, ContractEvent, ContractFacts>({
  name: 'Contract',
  nameAr: 'العقد',
  auditPrefix: 'contract',
  description:
    'A notarized contract: drafted and amended (or discarded), signed by every party, notarized (or refused by the notary), then cancelled by all parties or voided by a final judgment.',
  states: Object.values(ContractState),
  initial: [ContractState.DRAFT],
  final: [ContractState.CANCELLED, ContractState.VOIDED, ContractState.DISCARDED, ContractState.REFUSED],
  transitions: CONTRACT_TRANSITIONS,
});
