/**
 * A settlement (صلح) of a case (docs/domain.md, "Settlement"; docs/lifecycles.md is generated
 * from this): proposed with its terms, consented to by every party, approved by the judge of the
 * circuit — the case is then settled; a later proposal supersedes it, and the case ending
 * otherwise lapses it.
 */
import { Lifecycle } from '../../core/lifecycle/lifecycle';
import { versionedStore } from '../../core/lifecycle/versioned-store';
import { LITIGATION } from '../litigation-messages';
import { Settlement, SettlementState } from './settlement.entity';

export type SettlementEvent = 'consent' | 'approve' | 'supersede' | 'lapse';

const S = SettlementState;

export const settlementMachine = new Lifecycle<SettlementState, SettlementEvent, { toConsent: number; missing: number }>({
  name: 'Settlement',
  nameAr: 'الصلح',
  auditPrefix: 'settlement',
  description: 'A settlement of a case: every party consents to its terms, then the judge approves it and the case is settled.',
  states: Object.values(SettlementState),
  initial: [S.PROPOSED],
  final: [S.APPROVED, S.SUPERSEDED, S.LAPSED],
  transitions: {
    consent: {
      from: [S.PROPOSED],
      to: S.PROPOSED,
      ability: 'settle (a party, or an agent with LIT_RECONCILE)',
      guards: [
        { name: 'the party has not consented yet', holds: (f) => f.toConsent > 0, refusal: LITIGATION.settlementConsentedAlready() },
      ],
      effects: ['with a fresh one-time code', 'notice to the parties and the circuit when the last party consents'],
    },
    approve: {
      from: [S.PROPOSED],
      to: S.APPROVED,
      ability: 'judge',
      guards: [{ name: 'every party consented', holds: (f) => f.missing === 0, refusal: LITIGATION.settlementNotConsented() }],
      effects: ['the case is settled and its fee adjusted', 'the settlement document is issued'],
    },
    supersede: {
      from: [S.PROPOSED],
      to: S.SUPERSEDED,
      effects: ['by a new proposal in the same case; its consents no longer count'],
    },
    lapse: {
      from: [S.PROPOSED],
      to: S.LAPSED,
      effects: ['the case ended otherwise (withdrawal, judgment, striking off, transfer)'],
    },
  },
});

/** How the engine writes a settlement: at its version, as part of its case's history. */
export const settlementStore = {
  ...versionedStore<Settlement, SettlementState>(Settlement, 'Settlement', (s) => ({
    state: s.state,
    amount: s.amount,
    instalments: s.instalments.length,
  })),
  auditSubject: (s: Settlement) => ({ type: 'Lawsuit', id: s.lawsuitId }),
};
