/**
 * What contracts need to know of a court's judgment (to void a contract by a final judgment),
 * asked of the litigation wing through this port: the notarization wing sits below litigation
 * and never reads its tables. The litigation wing provides the source when it is loaded.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';

export interface JudgmentFacts {
  id: string;
  /** The circuit that decided the lawsuit (null before referral). */
  circuitId: string | null;
  /** When the judgment became final; null while it is not. */
  finalAt: Date | null;
}

export interface CourtJudgmentSource {
  /** The judgment's facts inside the caller's transaction, or null when there is no such judgment. */
  judgmentFacts(tx: RequestContext, judgmentId: string): Promise<JudgmentFacts | null>;
}

@Injectable()
export class CourtJudgments implements CourtJudgmentSource {
  private source: CourtJudgmentSource | null = null;

  provide(source: CourtJudgmentSource): void {
    if (this.source) throw new Error('Two sources of court judgments');
    this.source = source;
  }

  judgmentFacts(tx: RequestContext, judgmentId: string): Promise<JudgmentFacts | null> {
    if (!this.source) throw new Error('No source of court judgments: the litigation wing is not loaded in this process');
    return this.source.judgmentFacts(tx, judgmentId);
  }
}
