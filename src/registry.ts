/** Every entity and migration, listed explicitly (no globbing: the same list works in dist/ and in tests). */
import type { DatabaseSchema } from './core/database/data-source';
import { Foundation1763900000000 } from '../migrations/1763900000000-foundation';
import { Lawsuits1764000000000 } from '../migrations/1764000000000-lawsuits';
import { HearingAttendance1764050000000 } from '../migrations/1764050000000-hearing-attendance';
import { Judgments1764060000000 } from '../migrations/1764060000000-judgments';
import { Pleadings1764070000000 } from '../migrations/1764070000000-pleadings';
import { ClaimWaiver } from './litigation/pleadings/claim-waiver.entity';
import { Settlement, SettlementConsent } from './litigation/settlements/settlement.entity';
import { Memo } from './litigation/pleadings/memo.entity';
import { ExecutionRequest } from './litigation/judgments/execution-request.entity';
import { Judgment } from './litigation/judgments/judgment.entity';
import { Objection } from './litigation/judgments/objection.entity';
import { Notifications1764100000000 } from '../migrations/1764100000000-notifications';
import { Statistics1764200000000 } from '../migrations/1764200000000-statistics';
import { NotificationKinds1764300000000 } from '../migrations/1764300000000-notification-kinds';
import { DocketIndexes1764310000000 } from '../migrations/1764310000000-docket-indexes';
import { Contracts1764450000000 } from '../migrations/1764450000000-contracts';
import { ContractParty } from './notarization/contracts/contract-party.entity';
import { ContractSignature } from './notarization/contracts/contract-signature.entity';
import { Contract } from './notarization/contracts/contract.entity';
import { ObjectionClock1764600000000 } from '../migrations/1764600000000-objection-clock';
import { RecordedService1764700000000 } from '../migrations/1764700000000-recorded-service';
import { JudgmentServedNotice1764800000000 } from '../migrations/1764800000000-judgment-served-notice';
import { CourtNotices1764810000000 } from '../migrations/1764810000000-court-notices';
import { Sessions1764900000000 } from '../migrations/1764900000000-sessions';
import { Recovery1764910000000 } from '../migrations/1764910000000-recovery';
import { AccountCodes1764920000000 } from '../migrations/1764920000000-account-codes';
import { Registrations1764930000000 } from '../migrations/1764930000000-registrations';
import { Attachments1764940000000 } from '../migrations/1764940000000-attachments';
import { Payments1765000000000 } from '../migrations/1765000000000-payments';
import { NotaryFees1765100000000 } from '../migrations/1765100000000-notary-fees';
import { NoDeadEnds1765200000000 } from '../migrations/1765200000000-no-dead-ends';
import { JudgmentAcceptances1765210000000 } from '../migrations/1765210000000-judgment-acceptances';
import { CourtActs1765220000000 } from '../migrations/1765220000000-court-acts';
import { CourtDeadlines1765230000000 } from '../migrations/1765230000000-court-deadlines';
import { CalendarFeeds1765240000000 } from '../migrations/1765240000000-calendar-feeds';
import { Settlements1765250000000 } from '../migrations/1765250000000-settlements';
import { Appearances1765270000000 } from '../migrations/1765270000000-appearances';
import { NoticeFallbacks1765280000000 } from '../migrations/1765280000000-notice-fallbacks';
import { ReturnFields1765291000000 } from '../migrations/1765291000000-return-fields';
import { Bill, BillPayment } from './payments/bill.entity';
import { PartyService } from './litigation/judgments/party-service.entity';
import { PowersOfAttorney1764400000000 } from '../migrations/1764400000000-powers-of-attorney';
import { PoaNotificationKinds1764400000001 } from '../migrations/1764400000001-poa-notification-kinds';
import { PowerCatalogueEntry } from './notarization/powers-of-attorney/power-catalogue.entity';
import { PoaAgent, PoaPower, PoaPrincipal, PowerOfAttorney } from './notarization/powers-of-attorney/power-of-attorney.entity';
import { Documents1764500000000 } from '../migrations/1764500000000-documents';
import { Document } from './documents/document.entity';
import { HearingAttendance } from './litigation/hearings/hearing-attendance.entity';
import { Hearing } from './litigation/hearings/hearing.entity';
import { FeeSchedule } from './litigation/lawsuits/fee-schedule.entity';
import { LawsuitAttachment } from './litigation/lawsuits/lawsuit-attachment.entity';
import { LawsuitClaim } from './litigation/lawsuits/lawsuit-claim.entity';
import { LawsuitParty } from './litigation/lawsuits/lawsuit-party.entity';
import { LawsuitTransfer } from './litigation/lawsuits/lawsuit-transfer.entity';
import { Lawsuit } from './litigation/lawsuits/lawsuit.entity';
import { AuditEvent } from './audit/audit-event.entity';
import { ExternalIdentity } from './identity/external-identity.entity';
import { Membership } from './identity/membership.entity';
import { User } from './identity/user.entity';
import { NotificationAttempt } from './notifications/notification-attempt.entity';
import { Notification } from './notifications/notification.entity';
import { Circuit } from './organizations/circuit.entity';
import { Court } from './organizations/court.entity';
import { Holiday } from './organizations/holiday.entity';
import { Courtroom } from './organizations/courtroom.entity';
import { NotaryOffice, ProsecutionOffice } from './organizations/office.entities';

export const ENTITIES = [
  Court,
  Circuit,
  Holiday,
  Courtroom,
  ProsecutionOffice,
  NotaryOffice,
  User,
  Membership,
  ExternalIdentity,
  AuditEvent,
  FeeSchedule,
  Lawsuit,
  LawsuitParty,
  LawsuitTransfer,
  LawsuitClaim,
  LawsuitAttachment,
  Hearing,
  HearingAttendance,
  Judgment,
  Objection,
  ExecutionRequest,
  PartyService,
  Notification,
  NotificationAttempt,
  Memo,
  ClaimWaiver,
  Settlement,
  SettlementConsent,
  Contract,
  ContractParty,
  ContractSignature,
  PowerCatalogueEntry,
  PowerOfAttorney,
  PoaPrincipal,
  PoaAgent,
  PoaPower,
  Document,
  Bill,
  BillPayment,
];
export const MIGRATIONS = [
  Foundation1763900000000,
  Lawsuits1764000000000,
  HearingAttendance1764050000000,
  Judgments1764060000000,
  Pleadings1764070000000,
  Notifications1764100000000,
  Statistics1764200000000,
  NotificationKinds1764300000000,
  DocketIndexes1764310000000,
  Contracts1764450000000,
  ObjectionClock1764600000000,
  RecordedService1764700000000,
  JudgmentServedNotice1764800000000,
  CourtNotices1764810000000,
  Sessions1764900000000,
  Recovery1764910000000,
  AccountCodes1764920000000,
  Registrations1764930000000,
  Attachments1764940000000,
  Payments1765000000000,
  NotaryFees1765100000000,
  NoDeadEnds1765200000000,
  JudgmentAcceptances1765210000000,
  CourtActs1765220000000,
  CourtDeadlines1765230000000,
  CalendarFeeds1765240000000,
  Settlements1765250000000,
  Appearances1765270000000,
  NoticeFallbacks1765280000000,
  ReturnFields1765291000000,
  PowersOfAttorney1764400000000,
  PoaNotificationKinds1764400000001,
  Documents1764500000000,
];

/** The database schema of the whole application: every entity and every migration. */
export const SCHEMA: DatabaseSchema = { entities: ENTITIES, migrations: MIGRATIONS };
