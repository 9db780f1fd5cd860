/**
 * What every unit of work carries, whoever does it: a request id, a locale, the database manager
 * (the transaction's, inside one), the clock, and what the transaction gathers to write just
 * before it commits (audit events, outbox messages). The access layer adds who acts and with
 * which ability (RequestContext); core knows only the acting user's id and roles, for the audit.
 */
import type { EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';

import type { Locale } from '../i18n/messages';

export type { Locale };

export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
}

export interface OutboxRecord {
  topic: string;
  payload: Record<string, unknown>;
  /** Deduplication key: the same key is enqueued once. */
  key?: string;
}

/** What a transaction gathers and writes just before it commits. */
export class UnitOfWork {
  readonly audit: AuditRecord[] = [];
  readonly outbox: OutboxRecord[] = [];
}

/** Who acts, as the audit trail records it. */
export interface ActingUser {
  id: string;
  roles: readonly string[];
}

export abstract class WorkContext {
  constructor(
    readonly requestId: string,
    readonly locale: Locale,
    readonly manager: EntityManager,
    protected readonly clockNow: () => Date,
    readonly ip: string | null = null,
    readonly unitOfWork: UnitOfWork | null = null,
  ) {}

  /** The acting user, or null for anonymous and system work. */
  abstract get actingUser(): ActingUser | null;

  /** The same context, bound to a transaction's manager. */
  abstract withTransaction(manager: EntityManager, unitOfWork: UnitOfWork): this;

  get inTransaction(): boolean {
    return this.unitOfWork !== null;
  }

  now(): Date {
    return this.clockNow();
  }

  repo<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    return this.manager.getRepository(entity);
  }

  /** Records an audit event; written with the transaction that carries it. */
  audit(record: AuditRecord): void {
    this.requireUnitOfWork().audit.push(record);
  }

  /** Queues a message for after commit, through the transactional outbox. */
  emit(record: OutboxRecord): void {
    this.requireUnitOfWork().outbox.push(record);
  }

  private requireUnitOfWork(): UnitOfWork {
    if (!this.unitOfWork) throw new Error('audit() and emit() need a transaction: wrap the change in Transactions.run().');
    return this.unitOfWork;
  }
}
