/**
 * The request context travels as the first argument of every service method: who acts, with
 * which CASL ability, in which locale, under which request id, and inside which transaction.
 * Data access goes through `ctx.repo()`, so that it joins the transaction when there is one.
 */
import type { EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import type { AppAbility } from '../../access/ability.types';
import type { Actor } from '../../access/actor';

export type Locale = 'ar' | 'en';

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

export class RequestContext {
  constructor(
    readonly requestId: string,
    readonly actor: Actor | null,
    readonly ability: AppAbility,
    readonly locale: Locale,
    readonly manager: EntityManager,
    private readonly clockNow: () => Date,
    readonly ip: string | null = null,
    readonly unitOfWork: UnitOfWork | null = null,
  ) {}

  get inTransaction(): boolean {
    return this.unitOfWork !== null;
  }

  now(): Date {
    return this.clockNow();
  }

  repo<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    return this.manager.getRepository(entity);
  }

  /** The same context, bound to a transaction's manager. */
  withTransaction(manager: EntityManager, unitOfWork: UnitOfWork): RequestContext {
    return new RequestContext(this.requestId, this.actor, this.ability, this.locale, manager, this.clockNow, this.ip, unitOfWork);
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
