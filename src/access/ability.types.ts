import type { ForcedSubject, MongoAbility, MongoQuery } from '@casl/ability';

/** Every act a rule can be about ('manage': any of them). */
export const ACTIONS = [
  'manage',
  'create',
  'read',
  'update',
  'delete',
  'assign',
  'verify',
  'submit',
  'review',
  'withdraw',
  'schedule',
  'record',
  'attend',
  'judge',
  'object',
  'serve',
  'notify',
  'decide',
  'execute',
  'plead',
  'waive',
  'resume',
  'settle',
  'sign',
  'notarize',
  'discard',
  'refuse',
  'cancel',
  'void',
  'revoke',
  'confirm',
  'delegate',
  'pay',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Every kind of thing a rule can be about. Each stored one is defined by the wing that owns it
 * (subjects.ts); CourtStatistics is asked about per request and stored nowhere.
 */
export const SUBJECTS = [
  'User',
  'Membership',
  'Court',
  'Circuit',
  'Holiday',
  'ProsecutionOffice',
  'NotaryOffice',
  'AuditEvent',
  'CourtStatistics',
  'Lawsuit',
  'LawsuitParty',
  'Hearing',
  'Objection',
  'Notification',
  'Contract',
  'ContractParty',
  'PowerOfAttorney',
  'Bill',
] as const;
export type SubjectType = (typeof SUBJECTS)[number];

/**
 * The shape each subject has when rules look at it: the fields that conditions may name.
 * Records are checked through these shapes (authorize.ts); each wing's subject definition (subjects.ts)
 * reads every field of its subjects both for one record and in SQL.
 */
export interface AccessShapes {
  User: { id: string; status: string; courtIds: string[] };
  /** targetRoles: the roles the member already holds (for create). */
  Membership: { userId?: string; courtId: string | null; role: string; targetRoles?: string[] };
  Court: { id: string };
  Circuit: { courtId: string };
  Holiday: { courtId: string | null };
  ProsecutionOffice: { id: string };
  NotaryOffice: { id: string };
  AuditEvent: { id: string; actorId: string | null };
  CourtStatistics: { courtId: string };
  /** Parties by national ID (so a party sees the case before and after registering an account). */
  Lawsuit: {
    courtId: string;
    circuitId: string | null;
    category: string;
    sealed: boolean;
    state: string;
    filedBy: string;
    prosecutionOfficeId: string | null;
    partyNationalIds: string[];
    claimantNationalIds: string[];
    /** Representatives of record of the case's organization parties. */
    organizationRepresentativeIds: string[];
    assignedJudgeIds: string[];
    /** Appeal courts an objection to the judgment went to. */
    appealCourtIds: string[];
    /** Parties on the side the judgment (as decided on appeal) favours. */
    winnerNationalIds: string[];
  };
  /** nationalId: null for an organization. */
  LawsuitParty: { nationalId: string | null; courtId: string; circuitId: string | null };
  Hearing: { courtId: string; circuitId: string };
  Objection: { appealCourtId: string };
  /** Notices by the recipient's national ID (so they are there before and after registering an account). */
  Notification: { nationalId: string };
  /** Bills by the payer's national ID. */
  Bill: { payerNationalId: string };
  /**
   * signerNationalIds: the people whose signature binds a party (persons, and organizations'
   * signatories). judgmentCircuitIds (voiding only): the circuit that decided the final judgment relied on.
   */
  Contract: {
    notaryOfficeId: string;
    draftedBy: string;
    state: string;
    signerNationalIds: string[];
    judgmentCircuitIds?: string[];
  };
  /** A party as shown within its contract: the contract's office and signers decide who sees the national ID. */
  ContractParty: { notaryOfficeId: string; signerNationalIds: string[] };
  /** Principals and agents by national ID (agents: every agent ever named, whatever their state). */
  PowerOfAttorney: {
    issuance: string;
    notaryOfficeId: string | null;
    principalNationalIds: string[];
    agentNationalIds: string[];
    canDelegate: boolean;
  };
}

type Shaped = { [K in SubjectType]: AccessShapes[K] & ForcedSubject<K> }[SubjectType];
export type AppSubject = SubjectType | 'all' | Shaped;
export type AppAbility = MongoAbility<[Action, AppSubject], MongoQuery>;
