import { registerEnumType } from '@nestjs/graphql';

/**
 * DRAFT (awaiting the other principals' confirmations) → ACTIVE | LAPSED; ACTIVE → REVOKED (فسخ)
 * | EXPIRED | WITHDRAWN (every agent stepped down or was removed). EXPIRED and LAPSED are also
 * derived from the clock on every read (effectiveState), before the sweep persists them.
 */
export enum PoaState {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
  LAPSED = 'LAPSED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(PoaState, { name: 'PowerOfAttorneyState' });

export enum PoaIssuance {
  /** Issued by a notary of a notary office, the principals present in person. */
  NOTARY = 'NOTARY',
  /** Self-issued electronically by principals with two-factor authentication. */
  SELF = 'SELF',
  /** A child power of attorney delegated by an agent who holds the right to delegate. */
  DELEGATION = 'DELEGATION',
}
registerEnumType(PoaIssuance, { name: 'PowerOfAttorneyIssuance' });

export enum AgentState {
  ACTIVE = 'ACTIVE',
  /** The agent stepped down (تنحي). */
  WITHDRAWN = 'WITHDRAWN',
  /** A principal removed this agent (partial revocation), or the delegation behind it ended. */
  REVOKED = 'REVOKED',
}
registerEnumType(AgentState, { name: 'PowerOfAttorneyAgentState' });

export enum PoaRelation {
  PRINCIPAL = 'PRINCIPAL',
  AGENT = 'AGENT',
}
registerEnumType(PoaRelation, { name: 'PowerOfAttorneyRelation' });
