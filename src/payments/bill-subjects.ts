/**
 * What a bill's subject does when its bill is paid or expires. The wing that owns the subject (a
 * lawsuit's filing waits for its fee) registers here for its subject type, and the payments wing
 * calls it in the transaction that records the payment or the expiry, under the bill's lock, so
 * the subject moves exactly when, and only if, the money's movement is committed.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../access/context/request-context';
import type { Bilingual } from '../core/i18n/messages';
import type { Bill } from './bill.entity';

export interface BillSubjectHooks {
  paid?(tx: RequestContext, bill: Bill): Promise<void>;
  expired?(tx: RequestContext, bill: Bill): Promise<void>;
  /** What follows an expiry, for the payer's notice. */
  expiryConsequence?: Bilingual;
}

@Injectable()
export class BillSubjects {
  private readonly byType = new Map<string, BillSubjectHooks>();

  on(subjectType: string, hooks: BillSubjectHooks): void {
    if (this.byType.has(subjectType)) throw new Error(`Bills of ${subjectType} have hooks already.`);
    this.byType.set(subjectType, hooks);
  }

  of(subjectType: string): BillSubjectHooks {
    return this.byType.get(subjectType) ?? {};
  }
}
