/** How the litigation wing's subjects read in SQL, for the access layer's list filters (see access/sql-fields.ts). */
import { defineSqlFields } from '../access/sql-fields';

defineSqlFields('Lawsuit', {
  id: '{alias}.id',
  courtId: '{alias}.court_id',
  circuitId: '{alias}.circuit_id',
  category: '{alias}.category',
  sealed: '{alias}.sealed',
  state: '{alias}.state',
  filedBy: '{alias}.filed_by',
  prosecutionOfficeId: '{alias}.prosecution_office_id',
  partyNationalIds: (alias, values) =>
    `EXISTS (SELECT 1 FROM lawsuit_parties ap WHERE ap.lawsuit_id = ${alias}.id AND ap.national_id IN (${values}))`,
  claimantNationalIds: (alias, values) =>
    `EXISTS (SELECT 1 FROM lawsuit_parties ap WHERE ap.lawsuit_id = ${alias}.id AND ap.side = 'CLAIMANT' AND ap.national_id IN (${values}))`,
  representativeIds: (alias, values) =>
    `EXISTS (SELECT 1 FROM lawsuit_parties ap WHERE ap.lawsuit_id = ${alias}.id AND ap.representative_id IN (${values}))`,
  appealCourtIds: (alias, values) =>
    `EXISTS (SELECT 1 FROM objections ao WHERE ao.lawsuit_id = ${alias}.id AND ao.appeal_court_id IN (${values}))`,
  winnerNationalIds: (alias, values) =>
    `EXISTS (SELECT 1 FROM judgments wj JOIN lawsuit_parties wp ON wp.lawsuit_id = wj.lawsuit_id
       LEFT JOIN objections wo ON wo.judgment_id = wj.id AND wo.decided_at IS NOT NULL
      WHERE wj.lawsuit_id = ${alias}.id AND wp.national_id IN (${values})
        AND wp.side = CASE WHEN wo.decision = 'OVERTURN'
                           THEN (CASE wj.in_favour_of WHEN 'CLAIMANT' THEN 'DEFENDANT' ELSE 'CLAIMANT' END)
                           ELSE wj.in_favour_of END)`,
  assignedJudgeIds: (alias, values) =>
    `EXISTS (SELECT 1 FROM hearings ah WHERE ah.lawsuit_id = ${alias}.id AND ah.judge_id IN (${values}))`,
});

defineSqlFields('LawsuitParty', { nationalId: '{alias}.national_id' });

defineSqlFields('Hearing', { courtId: '{alias}.court_id', circuitId: '{alias}.circuit_id' });

defineSqlFields('Objection', { appealCourtId: '{alias}.appeal_court_id' });
