/** What the rules look at in contracts and powers of attorney, read both ways (see access/subjects.ts). */
import type { RequestContext } from '../access/context/request-context';
import { defineAuditedSubject } from '../access/audited-subjects';
import { defineSubject } from '../access/subjects';
import { ContractParty } from './contracts/contract-party.entity';
import { Contract } from './contracts/contract.entity';
import { PowerOfAttorney } from './powers-of-attorney/power-of-attorney.entity';

/** A contract with its parties. */
export interface ContractFile {
  contract: Pick<Contract, 'notaryOfficeId' | 'draftedBy' | 'state'>;
  parties: readonly Pick<ContractParty, 'signerNationalId'>[];
}

async function contractFile(ctx: RequestContext, contract: Contract): Promise<ContractFile> {
  return { contract, parties: await ctx.repo(ContractParty).findBy({ contractId: contract.id }) };
}

/** The people whose signature binds a party: persons, and organizations' signatories. */
const signers = (file: ContractFile): string[] => file.parties.map((p) => p.signerNationalId);
const signersSql = (contractId: string, values: string) =>
  `EXISTS (SELECT 1 FROM contract_parties acp WHERE acp.contract_id = ${contractId}
             AND coalesce(acp.national_id, acp.signatory_national_id) IN (${values}))`;

export const ContractSubject = defineSubject('Contract', {
  entity: Contract,
  source: contractFile,
  facts: {
    notaryOfficeId: { sql: '{alias}.notary_office_id', of: (f) => f.contract.notaryOfficeId },
    draftedBy: { sql: '{alias}.drafted_by', of: (f) => f.contract.draftedBy },
    state: { sql: '{alias}.state', of: (f) => f.contract.state },
    signerNationalIds: { sql: (alias, values) => signersSql(`${alias}.id`, values), of: signers },
    judgmentCircuitIds: { request: 'the circuit of the final judgment a voiding relies on, named by the voiding judge' },
  },
});

/** A party as shown within its contract: the contract's office and signers decide who sees its national ID. */
export const ContractPartySubject = defineSubject('ContractParty', {
  entity: ContractParty,
  source: async (ctx: RequestContext, party: ContractParty): Promise<ContractFile> =>
    contractFile(ctx, await ctx.repo(Contract).findOneByOrFail({ id: party.contractId })),
  facts: {
    notaryOfficeId: {
      sql: '(SELECT pc.notary_office_id FROM contracts pc WHERE pc.id = {alias}.contract_id)',
      of: (f) => f.contract.notaryOfficeId,
    },
    signerNationalIds: { sql: (alias, values) => signersSql(`${alias}.contract_id`, values), of: signers },
  },
});

/** A power of attorney with its principals and agents (every agent ever named, whatever their state). */
export interface PoaFile {
  poa: Pick<PowerOfAttorney, 'issuance' | 'notaryOfficeId' | 'canDelegate'>;
  principalNationalIds: string[];
  agentNationalIds: string[];
}

export const PowerOfAttorneySubject = defineSubject('PowerOfAttorney', {
  entity: PowerOfAttorney,
  source: async (ctx, poa): Promise<PoaFile> => {
    const ids = (sql: string) => ctx.manager.query<{ national_id: string }[]>(sql, [poa.id]).then((rows) => rows.map((r) => r.national_id));
    return {
      poa,
      principalNationalIds: await ids('SELECT national_id FROM poa_principals WHERE poa_id = $1'),
      agentNationalIds: await ids('SELECT national_id FROM poa_agents WHERE poa_id = $1'),
    };
  },
  facts: {
    issuance: { sql: '{alias}.issuance', of: (f) => f.poa.issuance },
    notaryOfficeId: { sql: '{alias}.notary_office_id', of: (f) => f.poa.notaryOfficeId },
    canDelegate: { sql: '{alias}.can_delegate', of: (f) => f.poa.canDelegate },
    principalNationalIds: {
      sql: (alias, values) => `EXISTS (SELECT 1 FROM poa_principals sp WHERE sp.poa_id = ${alias}.id AND sp.national_id IN (${values}))`,
      of: (f) => f.principalNationalIds,
    },
    agentNationalIds: {
      sql: (alias, values) => `EXISTS (SELECT 1 FROM poa_agents sa WHERE sa.poa_id = ${alias}.id AND sa.national_id IN (${values}))`,
      of: (f) => f.agentNationalIds,
    },
  },
});

// The content of the audit events about a contract or a power of attorney is read by its own rules.
defineAuditedSubject('Contract', { readAs: 'Contract' });
defineAuditedSubject('PowerOfAttorney', { readAs: 'PowerOfAttorney' });
