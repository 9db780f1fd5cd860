import { registerEnumType } from '@nestjs/graphql';

export enum MemoKind {
  /** Statement of defence (مذكرة جوابية): by a defendant, before the first hearing. */
  DEFENCE = 'DEFENCE',
  /** Memo (مذكرة): by a party while the case is in hearings. */
  MEMO = 'MEMO',
}
registerEnumType(MemoKind, { name: 'MemoKind' });

export enum WaiverState {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REFUSED = 'REFUSED',
  /** Unanswered when the next hearing began, or the case ended otherwise: the case goes on. */
  LAPSED = 'LAPSED',
}
registerEnumType(WaiverState, { name: 'WaiverState' });
