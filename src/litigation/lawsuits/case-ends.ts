/**
 * A case that ends ends its future (docs/domain.md, "When a case ends"): withdrawal, settlement,
 * strike-off and judgment leave nothing ahead of the case, and a transfer leaves nothing ahead of it
 * before the bench it leaves. The modules that keep what a case has
 * ahead of it (its hearings) register here what its end does to them; the lawsuit lifecycle calls
 * them inside the transaction of the move, so the end and its consequences commit together.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';
import type { LawsuitEvent } from './lawsuit-state-machine';
import type { Lawsuit } from './lawsuit.entity';

/** The moves that end a case's proceedings before its bench: its end, or its transfer to another. */
export type CaseEnding = Extract<LawsuitEvent, 'withdraw' | 'settle' | 'strikeOff' | 'issueJudgment' | 'transfer'>;
const ENDINGS: ReadonlySet<LawsuitEvent> = new Set<CaseEnding>(['withdraw', 'settle', 'strikeOff', 'issueJudgment', 'transfer']);

export function endsTheCase(event: LawsuitEvent): event is CaseEnding {
  return ENDINGS.has(event);
}

export type CaseEndListener = (tx: RequestContext, lawsuit: Lawsuit, ending: CaseEnding) => Promise<void>;

@Injectable()
export class CaseEnds {
  private readonly listeners: CaseEndListener[] = [];

  /** `listener` runs, in the move's transaction, whenever a case ends. */
  on(listener: CaseEndListener): void {
    this.listeners.push(listener);
  }

  async moved(tx: RequestContext, lawsuit: Lawsuit, event: LawsuitEvent): Promise<void> {
    if (!endsTheCase(event)) return;
    for (const listener of this.listeners) await listener(tx, lawsuit, event);
  }
}
