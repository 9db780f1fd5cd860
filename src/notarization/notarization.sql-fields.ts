/** How the notarization wing's subjects read in SQL, for the access layer's list filters (see access/sql-fields.ts). */
import { defineSqlFields } from '../access/sql-fields';

defineSqlFields('Contract', {
  id: '{alias}.id',
  notaryOfficeId: '{alias}.notary_office_id',
  draftedBy: '{alias}.drafted_by',
  state: '{alias}.state',
  signerNationalIds: (alias, values) =>
    `EXISTS (SELECT 1 FROM contract_parties acp WHERE acp.contract_id = ${alias}.id
               AND coalesce(acp.national_id, acp.signatory_national_id) IN (${values}))`,
  // judgmentCircuitIds is a property of a voiding request, not of a stored contract: no list filters by it.
});

defineSqlFields('ContractParty', {
  notaryOfficeId: '(SELECT pc.notary_office_id FROM contracts pc WHERE pc.id = {alias}.contract_id)',
  signerNationalIds: (alias, values) =>
    `EXISTS (SELECT 1 FROM contract_parties sp WHERE sp.contract_id = ${alias}.contract_id
               AND coalesce(sp.national_id, sp.signatory_national_id) IN (${values}))`,
});

defineSqlFields('PowerOfAttorney', {
  id: '{alias}.id',
  issuance: '{alias}.issuance',
  notaryOfficeId: '{alias}.notary_office_id',
  canDelegate: '{alias}.can_delegate',
  principalNationalIds: (alias, values) =>
    `EXISTS (SELECT 1 FROM poa_principals sp WHERE sp.poa_id = ${alias}.id AND sp.national_id IN (${values}))`,
  agentNationalIds: (alias, values) =>
    `EXISTS (SELECT 1 FROM poa_agents sa WHERE sa.poa_id = ${alias}.id AND sa.national_id IN (${values}))`,
});
