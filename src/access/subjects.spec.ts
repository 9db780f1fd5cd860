import type { RequestContext } from './context/request-context';
import { definedSubjects, defineSubject, subjectOf } from './subjects';

class ContractRow {
  id!: string;
  officeId!: string;
}
interface ContractWithSigners {
  row: ContractRow;
  signers: string[];
}

const signersSql = (alias: string, values: string) => `EXISTS (signers of ${alias} IN (${values}))`;
const contract = defineSubject('Contract', {
  entity: ContractRow,
  source: async (_ctx: RequestContext, row: ContractRow): Promise<ContractWithSigners> => ({ row, signers: [`signer of ${row.id}`] }),
  facts: {
    notaryOfficeId: { sql: '{alias}.office_id', of: (c) => c.row.officeId },
    draftedBy: { sql: '{alias}.drafted_by', of: () => 'drafter' },
    state: { sql: '{alias}.state', of: () => 'DRAFT' },
    signerNationalIds: { sql: signersSql, of: (c) => c.signers },
    judgmentCircuitIds: { request: 'named by the voiding judge' },
  },
});

describe('subject definitions', () => {
  it('read each stored fact for one record from its source, and leave the request’s facts to the caller', async () => {
    const row = Object.assign(new ContractRow(), { id: 'c-1', officeId: 'no-1' });
    const shape = await contract.shape({} as RequestContext, row);
    expect(shape).toEqual({ notaryOfficeId: 'no-1', draftedBy: 'drafter', state: 'DRAFT', signerNationalIds: ['signer of c-1'] });
    expect(contract.shapeOf({ row, signers: [] }).signerNationalIds).toEqual([]);
  });

  it('give the list filters the SQL of the stored facts only', () => {
    expect(contract.sqlFields).toEqual({
      notaryOfficeId: '{alias}.office_id',
      draftedBy: '{alias}.drafted_by',
      state: '{alias}.state',
      signerNationalIds: signersSql,
    });
    expect(contract.requestFields).toEqual(['judgmentCircuitIds']);
    expect(contract.entity).toBe(ContractRow);
  });

  it('are kept once per subject, and a subject no wing defined has none', () => {
    expect(subjectOf('Contract')).toBe(contract);
    expect(definedSubjects()).toEqual([contract]);
    expect(() => defineSubject('Contract', { entity: ContractRow, facts: contract.definition.facts as never })).toThrow(
      'The subject Contract is defined twice',
    );
    expect(() => subjectOf('Lawsuit')).toThrow('No definition of the subject Lawsuit: the wing that owns it is not loaded');
  });

  it('read the row itself when no source is given', () => {
    class HearingRow {
      courtId = 'court-1';
      circuitId = 'circuit-1';
      room = 'Room 1';
    }
    const hearing = defineSubject('Hearing', {
      entity: HearingRow,
      facts: {
        courtId: { sql: '{alias}.court_id', of: (h) => h.courtId },
        circuitId: { sql: '{alias}.circuit_id', of: (h) => h.circuitId },
      },
    });
    expect(hearing.shapeOf(new HearingRow())).toEqual({ courtId: 'court-1', circuitId: 'circuit-1' });
  });
});
