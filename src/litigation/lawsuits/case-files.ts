/**
 * A case file: the lawsuit row with what the rules about it look at — its parties and their
 * representatives, the judges who sat its hearings, the judgment's winner as decided on appeal,
 * and the appeal courts of its objections. A use case opens it once and passes it down, so that
 * scheduling a hearing, issuing a judgment or a document reads the case once.
 */
import { Injectable } from '@nestjs/common';
import { authorize, can, unreadable } from '../../access/authorize';
import type { AccessShapes, Action } from '../../access/ability.types';
import type { RequestContext } from '../../access/context/request-context';
import { NotFoundError } from '../../core/errors/domain-error';
import { LawsuitParty } from './lawsuit-party.entity';
import { Lawsuit } from './lawsuit.entity';
import { PartySide } from './lawsuit.enums';

export type LawsuitShape = AccessShapes['Lawsuit'];

export interface CaseFile {
  lawsuit: Lawsuit;
  /** By side, then in the order they were named. */
  parties: LawsuitParty[];
  /** The judges who preside or presided over its hearings. */
  assignedJudgeIds: string[];
  /** The side the judgment favours as decided on appeal (an overturned judgment favours the other side). */
  winner: PartySide | null;
  appealCourtIds: string[];
}

@Injectable()
export class CaseFiles {
  /** The lawsuit row locked for a change, read with its file; NOT_FOUND when there is no such lawsuit. */
  async lock(tx: RequestContext, id: string): Promise<CaseFile> {
    const lawsuit = await tx.repo(Lawsuit).createQueryBuilder('l').setLock('pessimistic_write').where('l.id = :id', { id }).getOne();
    if (!lawsuit) throw new NotFoundError('Lawsuit');
    return this.of(tx, lawsuit);
  }

  /**
   * The case file locked for a change: NOT_FOUND unless the caller may read it (exactly as for a
   * case that does not exist), then FORBIDDEN unless they may do `action` to it, judged on one shape.
   */
  async open(tx: RequestContext, id: string, action?: Action): Promise<CaseFile> {
    const file = await this.lock(tx, id);
    const shape = shapeOf(file);
    if (!can(tx, 'read', 'Lawsuit', shape)) throw unreadable(tx, 'Lawsuit', shape, 'Lawsuit');
    if (action) authorize(tx, action, 'Lawsuit', shape);
    return file;
  }

  /** The file of a lawsuit row in hand. */
  async of(ctx: RequestContext, lawsuit: Lawsuit): Promise<CaseFile> {
    // One after the other: inside a transaction they share one connection.
    const parties = await ctx.repo(LawsuitParty).find({ where: { lawsuitId: lawsuit.id }, order: { side: 'ASC', createdAt: 'ASC' } });
    const judges = await ctx.manager.query<{ judge_id: string }[]>(
      'SELECT DISTINCT judge_id FROM hearings WHERE lawsuit_id = $1 AND judge_id IS NOT NULL',
      [lawsuit.id],
    );
    const outcome = await ctx.manager.query<{ in_favour_of: PartySide; decision: string | null; appeal_court_id: string | null }[]>(
      `SELECT j.in_favour_of, o.decision, o.appeal_court_id FROM judgments j LEFT JOIN objections o ON o.judgment_id = j.id
        WHERE j.lawsuit_id = $1`,
      [lawsuit.id],
    );
    const judged = outcome[0];
    const overturned = outcome.some((o) => o.decision === 'OVERTURN');
    const other = (side: PartySide) => (side === PartySide.CLAIMANT ? PartySide.DEFENDANT : PartySide.CLAIMANT);
    return {
      lawsuit,
      parties,
      assignedJudgeIds: judges.map((j) => j.judge_id),
      winner: judged ? (overturned ? other(judged.in_favour_of) : judged.in_favour_of) : null,
      appealCourtIds: outcome.map((o) => o.appeal_court_id).filter((c): c is string => !!c),
    };
  }
}

/** What the lawsuit rules look at, from a case file. */
export function shapeOf(file: CaseFile): LawsuitShape {
  const l = file.lawsuit;
  const ids = (side?: PartySide) =>
    file.parties.filter((p) => p.nationalId && (!side || p.side === side)).map((p) => p.nationalId as string);
  return {
    courtId: l.courtId,
    circuitId: l.circuitId,
    category: l.category,
    sealed: l.sealed,
    state: l.state,
    filedBy: l.filedBy,
    prosecutionOfficeId: l.prosecutionOfficeId,
    partyNationalIds: ids(),
    claimantNationalIds: ids(PartySide.CLAIMANT),
    representativeIds: file.parties.map((p) => p.representativeId).filter((r): r is string => !!r),
    assignedJudgeIds: file.assignedJudgeIds,
    appealCourtIds: file.appealCourtIds,
    winnerNationalIds: file.winner ? ids(file.winner) : [],
  };
}
