/**
 * What a bill's subject does when its bill is paid or expires. The wing that owns the subject (a
 * lawsuit's filing waits for its fee) registers here for its subject type and the bill's purpose
 * (a lawsuit's filing fee and its judgment's costs do different things), and the payments wing
 * calls it in the transaction that records the payment or the expiry, under the bill's lock, so
 * the subject moves exactly when, and only if, the money's movement is committed.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../access/context/request-context';
import type { Bilingual } from '../core/i18n/messages';
import type { Bill } from './bill.entity';
import type { BillPurpose } from './bill-state-machine';

export interface BillSubjectHooks {
  paid?(tx: RequestContext, bill: Bill): Promise<void>;
  expired?(tx: RequestContext, bill: Bill): Promise<void>;
  /** What follows an expiry, for the payer's notice. */
  expiryConsequence?: Bilingual;
}

@Injectable()
export class BillSubjects {
  private readonly byType = new Map<string, BillSubjectHooks>();

  on(subjectType: string, purpose: BillPurpose, hooks: BillSubjectHooks): void {
    const key = `${subjectType}:${purpose}`;
    if (this.byType.has(key)) throw new Error(`${purpose} bills of ${subjectType} have hooks already.`);
    this.byType.set(key, hooks);
  }

  of(bill: Pick<Bill, 'subjectType' | 'purpose'>): BillSubjectHooks {
    return this.byType.get(`${bill.subjectType}:${bill.purpose}`) ?? {};
  }
}
