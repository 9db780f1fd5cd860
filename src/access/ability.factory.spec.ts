import { AbilityFactory } from './ability.factory';
import { ACTIONS, SUBJECTS, type AppAbility } from './ability.types';
import { Role } from './role.enum';
import {
  actor,
  agency,
  CIRCUIT,
  claimantIn,
  COURT,
  lawsuit,
  may,
  ME,
  OTHER_CIRCUIT,
  OTHER_COURT,
  seat,
  SOMEONE,
} from '../../test/factories/actors';

const factory = new AbilityFactory();
const abilityOf = (...args: Parameters<typeof actor>): AppAbility => factory.createFor(actor(...args));
const PUBLIC = ['Court', 'Circuit', 'Holiday', 'ProsecutionOffice', 'NotaryOffice', 'CourtStatistics'] as const;

describe('AbilityFactory', () => {
  describe('deny by default', () => {
    it('lets anyone read public organization data and statistics, and nothing else', () => {
      const anonymous = factory.createFor(null);
      for (const type of SUBJECTS) {
        for (const action of ACTIONS) {
          expect([type, action, may(anonymous, action, type)]).toEqual([type, action, action === 'read' && PUBLIC.includes(type as never)]);
        }
      }
    });

    it('gives a signed-in person themselves and their own notices, no one else', () => {
      const me = abilityOf();
      expect(may(me, 'read', 'User', { id: 'user-1' })).toBe(true);
      expect(may(me, 'update', 'User', { id: 'user-1' }, 'phone')).toBe(true);
      expect(may(me, 'update', 'User', { id: 'user-1' }, 'roles')).toBe(false);
      expect(may(me, 'read', 'User', { id: 'user-2' })).toBe(false);
      expect(may(me, 'update', 'Notification', { nationalId: ME })).toBe(true);
      expect(may(me, 'read', 'Notification', { nationalId: SOMEONE })).toBe(false);
      expect(may(me, 'read', 'AuditEvent')).toBe(false);
    });

    it('has a rule for every role', () => {
      expect(() => factory.createFor(actor({ roles: ['ASTRONAUT' as Role] }))).toThrow(/No rules for role ASTRONAUT/);
    });
  });

  describe('system administrator', () => {
    const admin = abilityOf({ nationalId: '1000000001', roles: [Role.SYSTEM_ADMIN] });

    it('manages users and organizations, reads and verifies the audit trail', () => {
      for (const type of ['User', 'Membership', 'Court', 'Circuit', 'Holiday', 'ProsecutionOffice', 'NotaryOffice'] as const) {
        expect(may(admin, 'delete', type)).toBe(true);
      }
      expect(may(admin, 'verify', 'AuditEvent')).toBe(true);
    });

    it('reaches no case, contract or power of attorney, and seats no system administrator anywhere', () => {
      for (const type of ['Lawsuit', 'LawsuitParty', 'Hearing', 'Objection', 'Contract', 'ContractParty'] as const) {
        for (const action of ACTIONS) expect([type, action, may(admin, action, type)]).toEqual([type, action, false]);
      }
      // Powers of attorney only as anyone's: their own, as principal or agent.
      const poa = {
        issuance: 'NOTARY',
        notaryOfficeId: 'no-1',
        principalNationalIds: [SOMEONE],
        agentNationalIds: [ME],
        canDelegate: false,
      };
      for (const action of ACTIONS) expect([action, may(admin, action, 'PowerOfAttorney', poa)]).toEqual([action, false]);
      expect(may(admin, 'create', 'Membership', { courtId: COURT, role: Role.CLERK, targetRoles: [Role.CITIZEN] })).toBe(true);
      expect(may(admin, 'create', 'Membership', { courtId: COURT, role: Role.CLERK, targetRoles: [Role.SYSTEM_ADMIN] })).toBe(false);
    });
  });

  describe('court administrator', () => {
    const courtAdmin = abilityOf({ roles: [Role.CITIZEN, Role.COURT_ADMIN], memberships: [seat(Role.COURT_ADMIN, { courtId: COURT })] });

    it('runs their own court: its names and hours, circuits, holidays, and the judges seated there', () => {
      expect(may(courtAdmin, 'update', 'Court', { id: COURT }, 'workStart')).toBe(true);
      expect(may(courtAdmin, 'update', 'Court', { id: COURT }, 'code')).toBe(false);
      expect(may(courtAdmin, 'update', 'Court', { id: OTHER_COURT }, 'nameAr')).toBe(false);
      expect(may(courtAdmin, 'create', 'Circuit', { courtId: COURT })).toBe(true);
      expect(may(courtAdmin, 'create', 'Circuit', { courtId: OTHER_COURT })).toBe(false);
      expect(may(courtAdmin, 'delete', 'Holiday', { courtId: COURT })).toBe(true);
      expect(may(courtAdmin, 'delete', 'Holiday', { courtId: null })).toBe(false);
      const judgeSeat = { courtId: COURT, role: Role.JUDGE };
      expect(may(courtAdmin, 'create', 'Membership', { ...judgeSeat, targetRoles: [Role.CITIZEN, Role.JUDGE] })).toBe(true);
      // Making someone a judge is the system administrator's act; so is any other seat.
      expect(may(courtAdmin, 'create', 'Membership', { ...judgeSeat, targetRoles: [Role.CITIZEN] })).toBe(false);
      expect(may(courtAdmin, 'create', 'Membership', { courtId: COURT, role: Role.CLERK, targetRoles: [Role.CLERK] })).toBe(false);
      expect(may(courtAdmin, 'delete', 'Membership', judgeSeat)).toBe(true);
      expect(may(courtAdmin, 'delete', 'Membership', { courtId: OTHER_COURT, role: Role.JUDGE })).toBe(false);
    });

    it('sees the colleagues of the court, but not their national IDs, and no case', () => {
      expect(may(courtAdmin, 'read', 'User', { id: 'user-9', courtIds: [COURT] }, 'nameEn')).toBe(true);
      expect(may(courtAdmin, 'read', 'User', { id: 'user-9', courtIds: [COURT] }, 'nationalId')).toBe(false);
      expect(may(courtAdmin, 'read', 'User', { id: 'user-9', courtIds: [OTHER_COURT] }, 'nameEn')).toBe(false);
      expect(may(courtAdmin, 'read', 'Lawsuit', lawsuit())).toBe(false);
    });

    it('has no rule at all without a seat in a court', () => {
      const unseated = abilityOf({ roles: [Role.COURT_ADMIN] });
      expect(may(unseated, 'create', 'Circuit')).toBe(false);
    });
  });

  describe('clerk', () => {
    const clerk = abilityOf({ roles: [Role.CITIZEN, Role.CLERK], memberships: [seat(Role.CLERK, { courtId: COURT })] });

    it('reads and reviews every filing of their court once submitted, sealed or not', () => {
      expect(may(clerk, 'review', 'Lawsuit', lawsuit({ state: 'SUBMITTED', circuitId: null }))).toBe(true);
      expect(may(clerk, 'read', 'Lawsuit', lawsuit({ sealed: true }))).toBe(true);
      expect(may(clerk, 'read', 'Lawsuit', lawsuit({ state: 'DRAFT' }))).toBe(false);
      expect(may(clerk, 'read', 'Lawsuit', lawsuit({ courtId: OTHER_COURT }))).toBe(false);
    });

    it('schedules the court’s hearings, serves, sends notices, and sees parties’ national IDs; judges nothing', () => {
      expect(may(clerk, 'schedule', 'Hearing', { courtId: COURT, circuitId: OTHER_CIRCUIT })).toBe(true);
      expect(may(clerk, 'schedule', 'Hearing', { courtId: OTHER_COURT, circuitId: CIRCUIT })).toBe(false);
      expect(may(clerk, 'serve', 'Lawsuit', lawsuit())).toBe(true);
      expect(may(clerk, 'notify', 'Lawsuit', lawsuit({ courtId: OTHER_COURT }))).toBe(false);
      expect(may(clerk, 'read', 'LawsuitParty', { nationalId: SOMEONE, courtId: COURT, circuitId: null }, 'nationalId')).toBe(true);
      expect(may(clerk, 'record', 'Hearing', { courtId: COURT, circuitId: CIRCUIT })).toBe(false);
      expect(may(clerk, 'judge', 'Lawsuit', lawsuit())).toBe(false);
    });
  });

  describe('judge', () => {
    const judge = abilityOf({
      id: 'judge-1',
      roles: [Role.CITIZEN, Role.JUDGE],
      memberships: [seat(Role.JUDGE, { courtId: COURT, circuitId: CIRCUIT })],
    });

    it('reads and judges the cases of their circuit; a sealed one only when presiding over one of its hearings', () => {
      expect(may(judge, 'read', 'Lawsuit', lawsuit())).toBe(true);
      expect(may(judge, 'judge', 'Lawsuit', lawsuit())).toBe(true);
      expect(may(judge, 'read', 'Lawsuit', lawsuit({ circuitId: OTHER_CIRCUIT }))).toBe(false);
      expect(may(judge, 'read', 'Lawsuit', lawsuit({ sealed: true }))).toBe(false);
      expect(may(judge, 'read', 'Lawsuit', lawsuit({ sealed: true, assignedJudgeIds: ['judge-1'] }))).toBe(true);
      expect(may(judge, 'read', 'Lawsuit', lawsuit({ sealed: true, assignedJudgeIds: ['judge-2'] }))).toBe(false);
      expect(may(judge, 'record', 'Hearing', { courtId: COURT, circuitId: CIRCUIT })).toBe(true);
      expect(may(judge, 'schedule', 'Hearing', { courtId: COURT, circuitId: CIRCUIT })).toBe(false);
    });

    it('of an appeal court, decides the objections sent to it and reads those cases', () => {
      expect(may(judge, 'decide', 'Objection', { appealCourtId: COURT })).toBe(true);
      expect(may(judge, 'decide', 'Objection', { appealCourtId: OTHER_COURT })).toBe(false);
      expect(may(judge, 'read', 'Lawsuit', lawsuit({ circuitId: OTHER_CIRCUIT, appealCourtIds: [COURT] }))).toBe(true);
    });

    it('voids a contract only by a judgment of their own circuit', () => {
      expect(may(judge, 'void', 'Contract', { judgmentCircuitIds: [CIRCUIT] })).toBe(true);
      expect(may(judge, 'void', 'Contract', { judgmentCircuitIds: [OTHER_CIRCUIT] })).toBe(false);
    });
  });

  describe('prosecutor', () => {
    const prosecutor = abilityOf({
      roles: [Role.CITIZEN, Role.PROSECUTOR],
      memberships: [seat(Role.PROSECUTOR, { prosecutionOfficeId: 'pp-1' })],
    });

    it('files and runs the public-right cases of their office, nothing civil', () => {
      expect(may(prosecutor, 'create', 'Lawsuit', { category: 'CRIMINAL', prosecutionOfficeId: 'pp-1' })).toBe(true);
      expect(may(prosecutor, 'withdraw', 'Lawsuit', lawsuit({ category: 'CRIMINAL', prosecutionOfficeId: 'pp-1' }))).toBe(true);
      expect(may(prosecutor, 'read', 'Lawsuit', lawsuit({ category: 'CRIMINAL', prosecutionOfficeId: 'pp-2' }))).toBe(false);
      expect(may(prosecutor, 'read', 'Lawsuit', lawsuit({ prosecutionOfficeId: 'pp-1' }))).toBe(false);
    });
  });

  describe('citizen', () => {
    const me = abilityOf();

    it('files anything but a criminal case', () => {
      expect(may(me, 'create', 'Lawsuit', { category: 'CIVIL' })).toBe(true);
      expect(may(me, 'create', 'Lawsuit', { category: 'CRIMINAL' })).toBe(false);
    });

    it('sees the cases where they stand as a party, and only their own drafts', () => {
      expect(may(me, 'read', 'Lawsuit', claimantIn(SOMEONE, {}, ME))).toBe(true);
      expect(may(me, 'read', 'Lawsuit', claimantIn(SOMEONE, { state: 'DRAFT' }, ME))).toBe(false);
      expect(may(me, 'read', 'Lawsuit', claimantIn(ME, { state: 'DRAFT', filedBy: 'user-1' }))).toBe(true);
      expect(may(me, 'update', 'Lawsuit', claimantIn(ME, { state: 'DRAFT', filedBy: 'someone-else' }))).toBe(false);
      expect(may(me, 'read', 'Lawsuit', lawsuit())).toBe(false);
    });

    it('acts as claimant, as party and as winner', () => {
      const asDefendant = claimantIn(SOMEONE, {}, ME);
      expect(may(me, 'withdraw', 'Lawsuit', claimantIn(ME))).toBe(true);
      expect(may(me, 'withdraw', 'Lawsuit', asDefendant)).toBe(false);
      expect(may(me, 'waive', 'Lawsuit', asDefendant)).toBe(false);
      expect(may(me, 'plead', 'Lawsuit', asDefendant)).toBe(true);
      expect(may(me, 'object', 'Lawsuit', asDefendant)).toBe(true);
      expect(may(me, 'execute', 'Lawsuit', asDefendant)).toBe(false);
      expect(may(me, 'execute', 'Lawsuit', { ...asDefendant, winnerNationalIds: [ME] })).toBe(true);
      expect(may(me, 'read', 'LawsuitParty', { nationalId: ME, courtId: COURT, circuitId: null }, 'nationalId')).toBe(true);
      expect(may(me, 'read', 'LawsuitParty', { nationalId: SOMEONE, courtId: COURT, circuitId: null }, 'nationalId')).toBe(false);
    });

    it('drafts, reads, signs and cancels contracts they sign; edits only their own drafts', () => {
      const contract = { notaryOfficeId: 'no-1', draftedBy: 'user-2', state: 'PENDING_SIGNATURES', signerNationalIds: [ME, SOMEONE] };
      expect(may(me, 'create', 'Contract', contract)).toBe(true);
      expect(may(me, 'create', 'Contract', { ...contract, signerNationalIds: [SOMEONE] })).toBe(false);
      expect(may(me, 'sign', 'Contract', contract)).toBe(true);
      expect(may(me, 'update', 'Contract', contract)).toBe(false);
      expect(may(me, 'update', 'Contract', { ...contract, draftedBy: 'user-1', signerNationalIds: [] })).toBe(true);
      expect(may(me, 'notarize', 'Contract', contract)).toBe(false);
      expect(may(me, 'read', 'ContractParty', { notaryOfficeId: 'no-1', signerNationalIds: [ME] }, 'nationalId')).toBe(true);
    });

    it('self-issues powers of attorney, never a notary’s', () => {
      expect(may(me, 'create', 'PowerOfAttorney', { issuance: 'SELF', notaryOfficeId: null })).toBe(true);
      expect(may(me, 'create', 'PowerOfAttorney', { issuance: 'NOTARY', notaryOfficeId: 'no-1' })).toBe(false);
    });

    it('reads, revokes and confirms a power of attorney as principal; reads, withdraws, and delegates when allowed, as agent', () => {
      const poa = { issuance: 'SELF', notaryOfficeId: null, principalNationalIds: [ME], agentNationalIds: [SOMEONE], canDelegate: true };
      const asAgent = { ...poa, principalNationalIds: [SOMEONE], agentNationalIds: [ME] };
      expect(may(me, 'revoke', 'PowerOfAttorney', poa)).toBe(true);
      expect(may(me, 'confirm', 'PowerOfAttorney', poa)).toBe(true);
      expect(may(me, 'withdraw', 'PowerOfAttorney', poa)).toBe(false);
      expect(may(me, 'read', 'PowerOfAttorney', asAgent)).toBe(true);
      expect(may(me, 'revoke', 'PowerOfAttorney', asAgent)).toBe(false);
      expect(may(me, 'withdraw', 'PowerOfAttorney', asAgent)).toBe(true);
      expect(may(me, 'delegate', 'PowerOfAttorney', asAgent)).toBe(true);
      expect(may(me, 'delegate', 'PowerOfAttorney', { ...asAgent, canDelegate: false })).toBe(false);
      expect(may(me, 'read', 'PowerOfAttorney', { ...poa, principalNationalIds: [SOMEONE] })).toBe(false);
    });
  });

  describe('notary', () => {
    const notary = abilityOf({ roles: [Role.CITIZEN, Role.NOTARY], memberships: [seat(Role.NOTARY, { notaryOfficeId: 'no-1' })] });

    it('runs the contracts and notarized powers of attorney of their office', () => {
      const contract = { notaryOfficeId: 'no-1', draftedBy: 'user-2', state: 'PENDING_SIGNATURES', signerNationalIds: [SOMEONE] };
      expect(may(notary, 'notarize', 'Contract', contract)).toBe(true);
      expect(may(notary, 'notarize', 'Contract', { ...contract, notaryOfficeId: 'no-2' })).toBe(false);
      expect(may(notary, 'sign', 'Contract', contract)).toBe(false);
      const poa = { issuance: 'NOTARY', notaryOfficeId: 'no-1', principalNationalIds: [SOMEONE], agentNationalIds: [], canDelegate: false };
      expect(may(notary, 'revoke', 'PowerOfAttorney', poa)).toBe(true);
      expect(may(notary, 'read', 'PowerOfAttorney', { ...poa, issuance: 'SELF' })).toBe(false);
      expect(may(notary, 'create', 'PowerOfAttorney', { issuance: 'NOTARY', notaryOfficeId: 'no-2' })).toBe(false);
    });
  });

  describe('agents under powers of attorney', () => {
    const client = SOMEONE;

    it('a lawyer without one is a citizen like any other', () => {
      const lawyer = abilityOf({ roles: [Role.CITIZEN, Role.LAWYER], lawyerLicense: 'LAW-1' });
      expect(may(lawyer, 'read', 'Lawsuit', claimantIn(client))).toBe(false);
      expect(may(lawyer, 'read', 'LawsuitParty', { nationalId: client, courtId: COURT, circuitId: null }, 'nationalId')).toBe(false);
    });

    it('acts for the principal with each litigation power in force, and only with it', () => {
      const agent = abilityOf({ roles: [Role.CITIZEN, Role.LAWYER], agencies: [agency(client, ['LIT_FILE', 'LIT_ATTEND'])] });
      const theirs = claimantIn(client);
      expect(may(agent, 'read', 'Lawsuit', theirs)).toBe(true);
      expect(may(agent, 'read', 'Lawsuit', { ...theirs, state: 'DRAFT' })).toBe(false);
      expect(may(agent, 'read', 'Lawsuit', { ...theirs, state: 'DRAFT', filedBy: 'user-1' })).toBe(true);
      expect(may(agent, 'submit', 'Lawsuit', { ...theirs, state: 'DRAFT', filedBy: 'user-1' })).toBe(true);
      expect(may(agent, 'resume', 'Lawsuit', theirs)).toBe(true); // resuming is filing again
      expect(may(agent, 'attend', 'Lawsuit', theirs)).toBe(true);
      expect(may(agent, 'plead', 'Lawsuit', theirs)).toBe(false);
      expect(may(agent, 'waive', 'Lawsuit', theirs)).toBe(false);
      expect(may(agent, 'create', 'Lawsuit', { category: 'CRIMINAL' })).toBe(false);
      expect(may(agent, 'read', 'Lawsuit', claimantIn('1888888888'))).toBe(false);
    });

    it('follows each act’s side: waiving for a claimant, executing for a winner', () => {
      const agent = abilityOf({ agencies: [agency(client, ['LIT_RECONCILE', 'LIT_REQUEST_EXECUTION'])] });
      expect(may(agent, 'waive', 'Lawsuit', claimantIn(client))).toBe(true);
      expect(may(agent, 'waive', 'Lawsuit', claimantIn('1888888888', {}, client))).toBe(false);
      expect(may(agent, 'execute', 'Lawsuit', claimantIn(client))).toBe(false);
      expect(may(agent, 'execute', 'Lawsuit', claimantIn(client, { winnerNationalIds: [client] }))).toBe(true);
    });

    it('loses everything once the power of attorney ends, and nothing of another still in force', () => {
      const ended = abilityOf({ agencies: [agency(client, [], ['LIT_FILE', 'LIT_ATTEND'])] });
      expect(may(ended, 'read', 'Lawsuit', claimantIn(client))).toBe(false);
      expect(may(ended, 'attend', 'Lawsuit', claimantIn(client))).toBe(false);
      expect(may(ended, 'create', 'Lawsuit', { category: 'CIVIL' })).toBe(true); // as a citizen, in their own name
      const partly = abilityOf({ agencies: [agency(client, ['LIT_ATTEND'], ['LIT_SUBMIT_MEMOS'])] });
      expect(may(partly, 'attend', 'Lawsuit', claimantIn(client))).toBe(true);
      expect(may(partly, 'plead', 'Lawsuit', claimantIn(client))).toBe(false);
    });
  });

  describe('kept abilities', () => {
    it('shares one ability between actors of the same rule inputs, and makes a new one when an input changes', () => {
      const clerkSeat = [seat(Role.CLERK, { courtId: COURT })];
      const first = abilityOf({ roles: [Role.CLERK], memberships: clerkSeat });
      expect(abilityOf({ roles: [Role.CLERK], memberships: clerkSeat, authLevel: 'mfa' })).toBe(first);
      expect(abilityOf({ roles: [Role.CLERK], memberships: [seat(Role.CLERK, { courtId: OTHER_COURT })] })).not.toBe(first);
      expect(abilityOf({ roles: [Role.CLERK], memberships: clerkSeat, agencies: [agency(SOMEONE, ['LIT_ATTEND'])] })).not.toBe(first);
      expect(factory.createFor(null)).toBe(factory.createFor(null));
    });
  });
});
