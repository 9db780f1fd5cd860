/**
 * What the rules look at in the litigation wing's records, read both ways (see access/subjects.ts).
 * The lawsuit's own, read from its case file, are in lawsuits/case-files.ts.
 */
import type { RequestContext } from '../access/context/request-context';
import { defineAuditedSubject } from '../access/audited-subjects';
import { defineSubject } from '../access/subjects';
import { Hearing } from './hearings/hearing.entity';
import { Objection } from './judgments/objection.entity';
import { LawsuitParty } from './lawsuits/lawsuit-party.entity';
import { Lawsuit } from './lawsuits/lawsuit.entity';

export { LawsuitSubject } from './lawsuits/case-files';

/** A party as it stands in its case: the case's court and circuit decide who sees its national ID. */
export interface PartyInCase {
  nationalId: string | null;
  courtId: string;
  circuitId: string | null;
}

async function partyInCase(ctx: RequestContext, party: LawsuitParty): Promise<PartyInCase> {
  const lawsuit = await ctx.repo(Lawsuit).findOneByOrFail({ id: party.lawsuitId });
  return { nationalId: party.nationalId, courtId: lawsuit.courtId, circuitId: lawsuit.circuitId };
}

export const LawsuitPartySubject = defineSubject('LawsuitParty', {
  entity: LawsuitParty,
  source: partyInCase,
  facts: {
    nationalId: { sql: '{alias}.national_id', of: (p) => p.nationalId },
    courtId: { sql: '(SELECT pl.court_id FROM lawsuits pl WHERE pl.id = {alias}.lawsuit_id)', of: (p) => p.courtId },
    circuitId: { sql: '(SELECT pl.circuit_id FROM lawsuits pl WHERE pl.id = {alias}.lawsuit_id)', of: (p) => p.circuitId },
  },
});

export const HearingSubject = defineSubject('Hearing', {
  entity: Hearing,
  facts: {
    courtId: { sql: '{alias}.court_id', of: (h) => h.courtId },
    circuitId: { sql: '{alias}.circuit_id', of: (h) => h.circuitId },
  },
});

export const ObjectionSubject = defineSubject('Objection', {
  entity: Objection,
  facts: { appealCourtId: { sql: '{alias}.appeal_court_id', of: (o) => o.appealCourtId } },
});

// The content of the audit events about a case, its hearings, judgment and objections is read by the case's rules.
defineAuditedSubject('Lawsuit', { readAs: 'Lawsuit' });
defineAuditedSubject('Hearing', {
  readAs: 'Lawsuit',
  owners: 'SELECT o.id, o.lawsuit_id AS owner FROM hearings o WHERE o.id = ANY(:ids::uuid[])',
});
defineAuditedSubject('Judgment', {
  readAs: 'Lawsuit',
  owners: 'SELECT o.id, o.lawsuit_id AS owner FROM judgments o WHERE o.id = ANY(:ids::uuid[])',
});
defineAuditedSubject('Objection', {
  readAs: 'Lawsuit',
  owners: 'SELECT o.id, o.lawsuit_id AS owner FROM objections o WHERE o.id = ANY(:ids::uuid[])',
});
