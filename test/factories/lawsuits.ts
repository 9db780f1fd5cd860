/** Valid lawsuit input in one line, with overrides. */
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
