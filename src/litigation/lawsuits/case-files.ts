/**
 * A case file: the lawsuit row with what the rules about it look at — its parties and their
 * representatives, the judges who sat its hearings, the judgment's winner as decided on appeal,
 * and the appeal courts of its objections. A use case opens it once and passes it down, so that
 * scheduling a hearing, issuing a judgment or a document reads the case once.
 */
import { Injectable } from '@nestjs/common';
import { authorize, can, unreadable } from '../../access/authorize';
import type { AccessShapes, Action } from '../../access/ability.types';
import { defineSubject } from '../../access/subjects';
import type { RequestContext } from '../../access/context/request-context';
import { NotFoundError } from '../../core/errors/domain-error';
import { LawsuitParty } from './lawsuit-party.entity';
import { Lawsuit } from './lawsuit.entity';
import { PartySide } from './lawsuit.enums';
import { LITIGATION } from '../litigation-messages';

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
    if (!lawsuit) throw new NotFoundError(LITIGATION.lawsuitNotFound());
    return this.of(tx, lawsuit);
  }

  /**
   * The case file locked for a change: NOT_FOUND unless the caller may read it (exactly as for a
   * case that does not exist), then FORBIDDEN unless they may do `action` to it, judged on one shape.
   */
  async open(tx: RequestContext, id: string, action?: Action): Promise<CaseFile> {
    const file = await this.lock(tx, id);
    const shape = LawsuitSubject.shapeOf(file);
    if (!can(tx, 'read', 'Lawsuit', shape)) throw unreadable(tx, 'Lawsuit', shape, LITIGATION.lawsuitNotFound());
    if (action) authorize(tx, action, 'Lawsuit', shape);
    return file;
  }

  /** The file of a lawsuit row in hand. */
  of(ctx: RequestContext, lawsuit: Lawsuit): Promise<CaseFile> {
    return readCaseFile(ctx, lawsuit);
  }
}

/** The file of a lawsuit row in hand: its parties, the judges of its hearings, the outcome of its judgment. */
async function readCaseFile(ctx: RequestContext, lawsuit: Lawsuit): Promise<CaseFile> {
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

/** National IDs of the parties (on one side); organizations without one are left out. */
function nationalIds(file: CaseFile, side?: PartySide): string[] {
  return file.parties.filter((p) => p.nationalId && (!side || p.side === side)).map((p) => p.nationalId as string);
}

/** Parties of the lawsuit `{alias}` (on one side) whose national ID is among the values. */
const partyAmong = (alias: string, values: string, side = '') =>
  `EXISTS (SELECT 1 FROM lawsuit_parties ap WHERE ap.lawsuit_id = ${alias}.id${side} AND ap.national_id IN (${values}))`;

/** What the lawsuit rules look at, from a case file; parties by national ID (so a party sees the case before and after registering an account). */
export const LawsuitSubject = defineSubject('Lawsuit', {
  entity: Lawsuit,
  source: readCaseFile,
  facts: {
    courtId: { sql: '{alias}.court_id', of: (f) => f.lawsuit.courtId },
    circuitId: { sql: '{alias}.circuit_id', of: (f) => f.lawsuit.circuitId },
    category: { sql: '{alias}.category', of: (f) => f.lawsuit.category },
    sealed: { sql: '{alias}.sealed', of: (f) => f.lawsuit.sealed },
    state: { sql: '{alias}.state', of: (f) => f.lawsuit.state },
    filedBy: { sql: '{alias}.filed_by', of: (f) => f.lawsuit.filedBy },
    prosecutionOfficeId: { sql: '{alias}.prosecution_office_id', of: (f) => f.lawsuit.prosecutionOfficeId },
    partyNationalIds: { sql: (alias, values) => partyAmong(alias, values), of: (f) => nationalIds(f) },
    claimantNationalIds: {
      sql: (alias, values) => partyAmong(alias, values, ` AND ap.side = 'CLAIMANT'`),
      of: (f) => nationalIds(f, PartySide.CLAIMANT),
    },
    // An organization's representative of record (a person's representation rests on their power of attorney).
    organizationRepresentativeIds: {
      sql: (alias, values) =>
        `EXISTS (SELECT 1 FROM lawsuit_parties ap WHERE ap.lawsuit_id = ${alias}.id AND ap.national_id IS NULL AND ap.representative_id IN (${values}))`,
      of: (f) =>
        f.parties
          .filter((p) => !p.nationalId)
          .map((p) => p.representativeId)
          .filter((r): r is string => !!r),
    },
    assignedJudgeIds: {
      sql: (alias, values) => `EXISTS (SELECT 1 FROM hearings ah WHERE ah.lawsuit_id = ${alias}.id AND ah.judge_id IN (${values}))`,
      of: (f) => f.assignedJudgeIds,
    },
    appealCourtIds: {
      sql: (alias, values) =>
        `EXISTS (SELECT 1 FROM objections ao WHERE ao.lawsuit_id = ${alias}.id AND ao.appeal_court_id IN (${values}))`,
      of: (f) => f.appealCourtIds,
    },
    // The side the judgment favours, the other one when an appeal overturned it.
    winnerNationalIds: {
      sql: (alias, values) =>
        `EXISTS (SELECT 1 FROM judgments wj JOIN lawsuit_parties wp ON wp.lawsuit_id = wj.lawsuit_id
           LEFT JOIN objections wo ON wo.judgment_id = wj.id AND wo.decided_at IS NOT NULL
          WHERE wj.lawsuit_id = ${alias}.id AND wp.national_id IN (${values})
            AND wp.side = CASE WHEN wo.decision = 'OVERTURN'
                               THEN (CASE wj.in_favour_of WHEN 'CLAIMANT' THEN 'DEFENDANT' ELSE 'CLAIMANT' END)
                               ELSE wj.in_favour_of END)`,
      of: (f) => (f.winner ? nationalIds(f, f.winner) : []),
    },
  },
});
