/** Valid lawsuit input in one line, with overrides. */
import type { TestApp } from '../harness';
import { nationalId } from './people';

export function lawsuitInput(claimantNationalId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    category: 'CIVIL',
    subject: 'مطالبة بمبلغ مالي — Claim for an unpaid loan',
    facts: 'أقرض المدعي المدعى عليه مبلغاً ولم يسدده. The claimant lent the defendant money that was not repaid.',
    claims: [{ description: 'إلزام المدعى عليه بسداد المبلغ — repay the loan', amount: 80000 }],
    claimants: [{ kind: 'PERSON', nationalId: claimantNationalId, nameAr: 'المدعي', nameEn: 'Claimant' }],
    defendants: [{ kind: 'PERSON', nationalId: nationalId(), nameAr: 'المدعى عليه', nameEn: 'Defendant' }],
    city: 'Riyadh',
    sealed: false,
    attachments: [],
    ...overrides,
  };
}

/**
 * Serves a judgment on parties the way a party is served in the platform: each opens the
 * JUDGMENT_ISSUED notice of the lawsuit in their account (their objection clock starts then).
 */
export async function serveJudgment(t: TestApp, lawsuitId: string, parties: { token: string }[]): Promise<void> {
  for (const party of parties) {
    const inbox = (await t.ok('{ notifications(first: 100) { edges { node { id kind lawsuitId } } } }', {}, party.token)).notifications
      .edges as { node: { id: string; kind: string; lawsuitId: string } }[];
    const notice = inbox.find((e) => e.node.kind === 'JUDGMENT_ISSUED' && e.node.lawsuitId === lawsuitId);
    if (!notice) throw new Error(`the judgment notice of ${lawsuitId} did not reach a party`);
    await t.ok('mutation($id: ID!) { markNotificationRead(id: $id) { servedAt } }', { id: notice.node.id }, party.token);
  }
}
