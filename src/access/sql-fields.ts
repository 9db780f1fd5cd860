/**
 * How each field used in a CASL condition reads in SQL. A string is a column expression
 * (`{alias}` is the table alias of the list); a function builds a predicate for an array field
 * (true when any element is among the given values), usually an EXISTS over a join table.
 */
import type { SubjectType } from './ability.types';

export type SqlField = string | ((alias: string, valuesParam: string) => string);

export const SQL_FIELDS: Record<SubjectType, Record<string, SqlField>> = {
  User: {
    id: '{alias}.id',
    status: '{alias}.status',
    courtIds: (alias, values) => `EXISTS (SELECT 1 FROM memberships am WHERE am.user_id = ${alias}.id AND am.court_id IN (${values}))`,
  },
  Membership: {
    id: '{alias}.id',
    courtId: '{alias}.court_id',
    role: '{alias}.role',
    userId: '{alias}.user_id',
    targetRoles: (alias, values) =>
      `EXISTS (SELECT 1 FROM users tu WHERE tu.id = ${alias}.user_id AND tu.roles && ARRAY[${values}]::text[])`,
  },
  Court: { id: '{alias}.id' },
  Circuit: { id: '{alias}.id', courtId: '{alias}.court_id' },
  Holiday: { id: '{alias}.id', courtId: '{alias}.court_id' },
  ProsecutionOffice: { id: '{alias}.id' },
  NotaryOffice: { id: '{alias}.id' },
  AuditEvent: { id: '{alias}.id', actorId: '{alias}.actor_id' },
  CourtStatistics: { courtId: '{alias}.court_id' },
  Lawsuit: {
    id: '{alias}.id',
    courtId: '{alias}.court_id',
    circuitId: '{alias}.circuit_id',
    category: '{alias}.category',
    sealed: '{alias}.sealed',
    state: '{alias}.state',
    filedBy: '{alias}.filed_by',
    prosecutionOfficeId: '{alias}.prosecution_office_id',
    partyNationalIds: (alias, values) =>
      `EXISTS (SELECT 1 FROM lawsuit_parties ap WHERE ap.lawsuit_id = ${alias}.id AND ap.national_id IN (${values}))`,
    claimantNationalIds: (alias, values) =>
      `EXISTS (SELECT 1 FROM lawsuit_parties ap WHERE ap.lawsuit_id = ${alias}.id AND ap.side = 'CLAIMANT' AND ap.national_id IN (${values}))`,
    representativeIds: (alias, values) =>
      `EXISTS (SELECT 1 FROM lawsuit_parties ap WHERE ap.lawsuit_id = ${alias}.id AND ap.representative_id IN (${values}))`,
    appealCourtIds: (alias, values) =>
      `EXISTS (SELECT 1 FROM objections ao WHERE ao.lawsuit_id = ${alias}.id AND ao.appeal_court_id IN (${values}))`,
    winnerNationalIds: (alias, values) =>
      `EXISTS (SELECT 1 FROM judgments wj JOIN lawsuit_parties wp ON wp.lawsuit_id = wj.lawsuit_id
         LEFT JOIN objections wo ON wo.judgment_id = wj.id AND wo.decided_at IS NOT NULL
        WHERE wj.lawsuit_id = ${alias}.id AND wp.national_id IN (${values})
          AND wp.side = CASE WHEN wo.decision = 'OVERTURN'
                             THEN (CASE wj.in_favour_of WHEN 'CLAIMANT' THEN 'DEFENDANT' ELSE 'CLAIMANT' END)
                             ELSE wj.in_favour_of END)`,
    assignedJudgeIds: (alias, values) =>
      `EXISTS (SELECT 1 FROM hearings ah WHERE ah.lawsuit_id = ${alias}.id AND ah.judge_id IN (${values}))`,
  },
  LawsuitParty: { nationalId: '{alias}.national_id' },
  Hearing: { courtId: '{alias}.court_id', circuitId: '{alias}.circuit_id' },
  Objection: { appealCourtId: '{alias}.appeal_court_id' },
  Notification: { id: '{alias}.id', nationalId: '{alias}.national_id' },
  Contract: {
    id: '{alias}.id',
    notaryOfficeId: '{alias}.notary_office_id',
    draftedBy: '{alias}.drafted_by',
    state: '{alias}.state',
    signerNationalIds: (alias, values) =>
      `EXISTS (SELECT 1 FROM contract_parties acp WHERE acp.contract_id = ${alias}.id
                 AND coalesce(acp.national_id, acp.signatory_national_id) IN (${values}))`,
    // judgmentCircuitIds is a property of a voiding request, not of a stored contract: no list filters by it.
  },
  ContractParty: {
    notaryOfficeId: '(SELECT pc.notary_office_id FROM contracts pc WHERE pc.id = {alias}.contract_id)',
    signerNationalIds: (alias, values) =>
      `EXISTS (SELECT 1 FROM contract_parties sp WHERE sp.contract_id = ${alias}.contract_id
                 AND coalesce(sp.national_id, sp.signatory_national_id) IN (${values}))`,
  },
  PowerOfAttorney: {
    id: '{alias}.id',
    issuance: '{alias}.issuance',
    notaryOfficeId: '{alias}.notary_office_id',
    canDelegate: '{alias}.can_delegate',
    principalNationalIds: (alias, values) =>
      `EXISTS (SELECT 1 FROM poa_principals sp WHERE sp.poa_id = ${alias}.id AND sp.national_id IN (${values}))`,
    agentNationalIds: (alias, values) =>
      `EXISTS (SELECT 1 FROM poa_agents sa WHERE sa.poa_id = ${alias}.id AND sa.national_id IN (${values}))`,
  },
};
