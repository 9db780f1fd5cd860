import { Injectable, OnModuleInit } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';
import { CourtJudgments, type CourtJudgmentSource, type JudgmentFacts } from '../../notarization';

/** Tells the notarization wing what it may know of a judgment: its deciding circuit and finality. */
@Injectable()
export class ContractJudgmentsSource implements CourtJudgmentSource, OnModuleInit {
  constructor(private readonly port: CourtJudgments) {}

  onModuleInit(): void {
    this.port.provide(this);
  }

  async judgmentFacts(tx: RequestContext, judgmentId: string): Promise<JudgmentFacts | null> {
    const [row] = await tx.manager.query<{ id: string; circuit_id: string | null; final_at: Date | null }[]>(
      `SELECT j.id, l.circuit_id, j.final_at FROM judgments j JOIN lawsuits l ON l.id = j.lawsuit_id WHERE j.id = $1`,
      [judgmentId],
    );
    return row ? { id: row.id, circuitId: row.circuit_id, finalAt: row.final_at } : null;
  }
}
