/** The fee acts of the workflow access table (test/workflow-access-filing.e2e-spec.ts): the court's legal-aid waiver. */
import { CLERKS, DOC, drafted, okAs } from './workflow-access';
import { ILLEGAL_STATES, type Operation } from './workflow-access-matrix';

export const WAIVE_FILING_FEE: Operation = {
  name: 'waiveFilingFee',
  does: "records the court's legal-aid waiver of the fee of a filing awaiting it",
  rule: CLERKS,
  may: ['clerk'],
  // Refused callers are refused before the state is looked at: any case the clerk sees will do.
  target: 'submitted',
  fresh: async () => {
    const c = await drafted();
    expect((await okAs('claimant', DOC.submitLawsuit, { id: c.id })).submitLawsuit.state).toBe('AWAITING_PAYMENT');
    return c;
  },
  vars: (c) => ({ i: { lawsuitId: c.id, reason: 'إعسار المدعي — the claimant cannot pay' } }),
  check: (r) => expect(r).toMatchObject({ state: 'SUBMITTED', feeWaiverReason: expect.stringContaining('cannot pay') }),
  wrongState: ILLEGAL_STATES,
};
