/**
 * The one place where roles and memberships become permissions. Every check ("may I?") and
 * every list filter (sql-filter.ts) is derived from the rules built here.
 *
 * Conditions use the field names of each subject's "access shape"; the wing that owns the subject
 * defines each field once, read both for one record and in SQL (subjects.ts). Array fields
 * (User.courtIds) match when any element matches, in memory as in SQL.
 */
import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import { remember } from '../core/cache/bounded';
import { Role } from './role.enum';
import type { AppAbility } from './ability.types';
import { LAWSUIT_ACTION_POWER, PowerCode } from './power-codes';
import type { Actor } from './actor';

/** Public organization data and open statistics: readable by anyone, signed in or not. */
const PUBLIC_READ = ['Court', 'Circuit', 'Holiday', 'ProsecutionOffice', 'NotaryOffice', 'CourtStatistics'] as const;

/** Fields of a user that a colleague may see (not the national ID, phone or email). */
const USER_DIRECTORY_FIELDS = ['id', 'nameAr', 'nameEn', 'roles', 'status', 'memberships', 'createdAt', 'updatedAt'];

/** Abilities kept, one per distinct set of rule inputs (oldest out first). */
const KEPT_ABILITIES = 1_000;

@Injectable()
export class AbilityFactory {
  /**
   * The rules are a function of the actor's identity, roles, memberships and agencies alone (never
   * of the clock or anything else), and an ability is never changed once built: requests of
   * actors with the same inputs share one, and with it the SQL conditions derived from it
   * (sql-filter.ts). The actor itself is still loaded fresh on every request.
   */
  private readonly kept = new Map<string, AppAbility>();

  createFor(actor: Actor | null): AppAbility {
    const key = actor ? JSON.stringify([actor.id, actor.nationalId, actor.roles, actor.memberships, actor.agencies ?? []]) : '';
    return this.kept.get(key) ?? remember(this.kept, KEPT_ABILITIES, key, this.build(actor));
  }

  private build(actor: Actor | null): AppAbility {
    const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility);

    can('read', [...PUBLIC_READ]);
    if (!actor) return build();

    // Everyone signed in: themselves.
    can('read', 'User', { id: actor.id });
    can('update', 'User', ['nameAr', 'nameEn', 'phone', 'email'], { id: actor.id });
    // Their own notices (marking one read is the update).
    can(['read', 'update'], 'Notification', { nationalId: actor.nationalId });
    // Their own bills: read and pay them (docs/payments.md).
    can(['read', 'pay'], 'Bill', { payerNationalId: actor.nationalId });

    // Powers of attorney: principals and agents read theirs; any principal revokes (whole or in part)
    // and confirms a draft; an agent steps down, and delegates when the power of attorney allows it.
    can('read', 'PowerOfAttorney', { principalNationalIds: actor.nationalId });
    can('read', 'PowerOfAttorney', { agentNationalIds: actor.nationalId });
    can(['revoke', 'confirm'], 'PowerOfAttorney', { principalNationalIds: actor.nationalId });
    can('withdraw', 'PowerOfAttorney', { agentNationalIds: actor.nationalId });
    can('delegate', 'PowerOfAttorney', { agentNationalIds: actor.nationalId, canDelegate: true });
    this.agentRules(actor, can);

    const courtsWhere = (role: Role): string[] =>
      actor.memberships.filter((m) => m.role === role && m.courtId).map((m) => m.courtId as string);

    for (const role of actor.roles) {
      switch (role) {
        case Role.SYSTEM_ADMIN:
          // Users, roles and organizations; the audit trail. Deliberately nothing about cases.
          can('manage', ['User', 'Membership', 'Court', 'Circuit', 'Holiday', 'ProsecutionOffice', 'NotaryOffice']);
          can(['read', 'verify'], 'AuditEvent');
          break;
        case Role.COURT_ADMIN: {
          const courtIds = courtsWhere(Role.COURT_ADMIN);
          if (!courtIds.length) break;
          can('update', 'Court', ['nameAr', 'nameEn', 'workDays', 'workStart', 'workEnd'], { id: { $in: courtIds } });
          can(['create', 'update'], 'Circuit', { courtId: { $in: courtIds } });
          can(['create', 'delete'], 'Holiday', { courtId: { $in: courtIds } });
          // Seats existing judges in the court's circuits; making someone a judge is the system administrator's act.
          can('create', 'Membership', { courtId: { $in: courtIds }, role: Role.JUDGE, targetRoles: Role.JUDGE });
          can('delete', 'Membership', { courtId: { $in: courtIds }, role: Role.JUDGE });
          can('read', 'Membership', { courtId: { $in: courtIds } });
          can('read', 'User', USER_DIRECTORY_FIELDS, { courtIds: { $in: courtIds } });
          break;
        }
        case Role.CLERK: {
          const courtIds = courtsWhere(Role.CLERK);
          if (!courtIds.length) break;
          // Court staff: every filing of their court once submitted, sealed or not.
          can('read', 'Lawsuit', { courtId: { $in: courtIds }, state: { $ne: 'DRAFT' } });
          can('review', 'Lawsuit', { courtId: { $in: courtIds }, state: { $ne: 'DRAFT' } });
          // Records a judgment's service done outside the platform (process server, letter).
          can('serve', 'Lawsuit', { courtId: { $in: courtIds } });
          // Sends the parties of the court's cases notices of its own (the service checks the case is registered).
          can('notify', 'Lawsuit', { courtId: { $in: courtIds } });
          can('read', 'LawsuitParty', ['nationalId'], { courtId: { $in: courtIds } });
          can(['schedule', 'read'], 'Hearing', { courtId: { $in: courtIds } });
          can('read', 'Membership', { courtId: { $in: courtIds } });
          can('read', 'User', USER_DIRECTORY_FIELDS, { courtIds: { $in: courtIds } });
          break;
        }
        case Role.JUDGE: {
          const courtIds = courtsWhere(Role.JUDGE);
          const circuitIds = actor.memberships.filter((m) => m.role === Role.JUDGE && m.circuitId).map((m) => m.circuitId as string);
          if (courtIds.length) can('read', 'User', USER_DIRECTORY_FIELDS, { courtIds: { $in: courtIds } });
          // Cases of their circuits; sealed ones only when they preside over one of its hearings.
          if (circuitIds.length) {
            can('read', 'Lawsuit', { circuitId: { $in: circuitIds }, sealed: false });
            can('read', 'LawsuitParty', ['nationalId'], { circuitId: { $in: circuitIds } });
            can(['read', 'record'], 'Hearing', { circuitId: { $in: circuitIds } });
            can('judge', 'Lawsuit', { circuitId: { $in: circuitIds } });
          }
          // Judges of an appeal court decide the objections sent to it, and read those cases.
          if (courtIds.length) {
            can('decide', 'Objection', { appealCourtId: { $in: courtIds } });
            can('read', 'Lawsuit', { appealCourtIds: { $in: courtIds } });
          }
          can('read', 'Lawsuit', { assignedJudgeIds: actor.id });
          // A contract is voided by a judge of the circuit whose final judgment voids it.
          if (circuitIds.length) can('void', 'Contract', { judgmentCircuitIds: { $in: circuitIds } });
          break;
        }
        case Role.PROSECUTOR: {
          const offices = actor.memberships
            .filter((m) => m.role === Role.PROSECUTOR && m.prosecutionOfficeId)
            .map((m) => m.prosecutionOfficeId as string);
          if (!offices.length) break;
          // Public-right cases of their office; nothing civil or personal-status.
          can('create', 'Lawsuit', { category: 'CRIMINAL', prosecutionOfficeId: { $in: offices } });
          can('read', 'Lawsuit', { category: 'CRIMINAL', prosecutionOfficeId: { $in: offices } });
          can(['update', 'submit', 'withdraw'], 'Lawsuit', { category: 'CRIMINAL', prosecutionOfficeId: { $in: offices } });
          // The prosecutor who filed a criminal case represents the Public Prosecution in it: a full litigant.
          can(['plead', 'attend', 'object'], 'Lawsuit', { category: 'CRIMINAL', organizationRepresentativeIds: actor.id });
          break;
        }
        case Role.CITIZEN:
          // A party sees the cases where their national ID stands as claimant or defendant; another
          // person's draft stays with its filer. Criminal cases are filed by the prosecution.
          // A filing for a client under a power of attorney is the agent's (agentRules), and only while it lasts.
          can('create', 'Lawsuit', { category: { $ne: 'CRIMINAL' } });
          can('read', 'LawsuitParty', ['nationalId'], { nationalId: actor.nationalId });
          can('read', 'Lawsuit', { partyNationalIds: actor.nationalId, state: { $ne: 'DRAFT' } });
          // An organization's representative of record sees its case and acts in it for the organization
          // (a person's lawyer does under the person's power of attorney, agentRules).
          can('read', 'Lawsuit', { organizationRepresentativeIds: actor.id, state: { $ne: 'DRAFT' } });
          can(['plead', 'attend', 'object', 'settle'], 'Lawsuit', { organizationRepresentativeIds: actor.id });
          can('read', 'Lawsuit', { filedBy: actor.id, claimantNationalIds: actor.nationalId });
          can(['update', 'submit'], 'Lawsuit', { filedBy: actor.id, claimantNationalIds: actor.nationalId });
          can('withdraw', 'Lawsuit', { claimantNationalIds: actor.nationalId });
          can(['attend', 'object', 'settle'], 'Lawsuit', { partyNationalIds: actor.nationalId });
          can('execute', 'Lawsuit', { winnerNationalIds: actor.nationalId });
          // Pleadings: memos and defence by any party; waiving the claim and resuming a struck-off case by a claimant.
          can('plead', 'Lawsuit', { partyNationalIds: actor.nationalId });
          can(['waive', 'resume'], 'Lawsuit', { claimantNationalIds: actor.nationalId });
          // Contracts: a party drafts (naming the office that will notarize), reads, signs and agrees to
          // cancel; the drafter edits and submits their draft. Signing for someone else needs a power of
          // attorney, checked by AgencyService at the time of signing, not by a rule here.
          can('create', 'Contract', { signerNationalIds: actor.nationalId });
          can(['read', 'sign', 'cancel'], 'Contract', { signerNationalIds: actor.nationalId });
          can('read', 'Contract', { draftedBy: actor.id });
          can(['update', 'submit', 'discard'], 'Contract', { draftedBy: actor.id });
          can('read', 'ContractParty', ['nationalId'], { signerNationalIds: actor.nationalId });
          // Self-issued powers of attorney (two-factor step-up checked by the service).
          can('create', 'PowerOfAttorney', { issuance: 'SELF' });
          break;
        case Role.NOTARY: {
          const offices = actor.memberships
            .filter((m) => m.role === Role.NOTARY && m.notaryOfficeId)
            .map((m) => m.notaryOfficeId as string);
          if (!offices.length) break;
          // The contracts of their office: draft, amend, put to signature, notarize.
          can(['create', 'read', 'update', 'submit', 'notarize', 'refuse'], 'Contract', { notaryOfficeId: { $in: offices } });
          can('read', 'ContractParty', ['nationalId'], { notaryOfficeId: { $in: offices } });
          // Issue, read and revoke the powers of attorney of their office.
          can(['create', 'read', 'revoke'], 'PowerOfAttorney', { issuance: 'NOTARY', notaryOfficeId: { $in: offices } });
          break;
        }
        case Role.LAWYER:
          // A lawyer acts for clients only under powers of attorney (agentRules), like any agent.
          break;
        default: {
          const unknown: never = role;
          throw new Error(`No rules for role ${String(unknown)}`);
        }
      }
    }
    // Separation of duties: no one, themselves included, gives a system administrator a seat in a
    // court, a prosecution office or a notary office (it would open case contents to them).
    cannot('create', 'Membership', { targetRoles: Role.SYSTEM_ADMIN });
    return build();
  }

  /**
   * An agent's rules over their principals' lawsuits: each act needs its litigation power
   * (LAWSUIT_ACTION_POWER) from a power of attorney in force now (the actor's agencies are loaded
   * fresh on every request). Reading needs any litigation power; drafts the agent filed for a
   * client stay theirs only while the filing power lasts.
   */
  private agentRules(actor: Actor, can: AbilityBuilder<AppAbility>['can']): void {
    const agencies = (actor.agencies ?? []).filter((a) => a.powers.length);
    if (!agencies.length) return;
    const principalsWith = (power?: PowerCode): string[] => [
      ...new Set(agencies.filter((a) => !power || a.powers.includes(power)).map((a) => a.principalNationalId)),
    ];
    const any = principalsWith();
    can('read', 'Lawsuit', { partyNationalIds: { $in: any }, state: { $ne: 'DRAFT' } });
    can('read', 'LawsuitParty', ['nationalId'], { nationalId: { $in: any } });
    const filing = principalsWith(LAWSUIT_ACTION_POWER.create);
    if (filing.length) {
      can('create', 'Lawsuit', { category: { $ne: 'CRIMINAL' } });
      can(['read', 'update', 'submit'], 'Lawsuit', { filedBy: actor.id, claimantNationalIds: { $in: filing } });
    }
    const byField = {
      resume: 'claimantNationalIds',
      waive: 'claimantNationalIds',
      withdraw: 'claimantNationalIds',
      settle: 'partyNationalIds',
      attend: 'partyNationalIds',
      plead: 'partyNationalIds',
      object: 'partyNationalIds',
      execute: 'winnerNationalIds',
    } as const;
    for (const [action, field] of Object.entries(byField) as [keyof typeof byField, string][]) {
      const principals = principalsWith(LAWSUIT_ACTION_POWER[action]);
      if (principals.length) can(action, 'Lawsuit', { [field]: { $in: principals } });
    }
  }
}
