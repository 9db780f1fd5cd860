/**
 * The transaction helper that every state change goes through: the change, its audit events and
 * its outbox rows commit or roll back together. Audit events are appended last, so the lock on
 * the head of the audit chain is held only for the end of the transaction; the outbox rows go in
 * the same statement as the events (one round trip less for every change that notifies).
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecord, OutboxRecord, UnitOfWork, WorkContext } from '../context/work-context';

/** One SQL statement and its parameters, numbered from $1. */
export interface Statement {
  sql: string;
  params: unknown[];
}
export interface AuditAppender {
  /** Appends the events; `alongside`, a data-modifying statement, runs within the same statement. */
  append(ctx: WorkContext, manager: EntityManager, records: AuditRecord[], alongside?: Statement): Promise<void>;
}
export interface OutboxAppender {
  /** The INSERT of the rows (a row whose dedupe key is taken already is left out). */
  statement(ctx: WorkContext, records: OutboxRecord[]): Statement;
}
export const AUDIT_APPENDER = Symbol('AUDIT_APPENDER');
export const OUTBOX_APPENDER = Symbol('OUTBOX_APPENDER');

/** SQLSTATEs after which the whole transaction may simply be tried again. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 3;

@Injectable()
export class Transactions {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(AUDIT_APPENDER) private readonly audit: AuditAppender,
    @Inject(OUTBOX_APPENDER) private readonly outbox: OutboxAppender,
  ) {}

  /** Runs `work` in one transaction; a nested call joins the outer one. */
  async run<C extends WorkContext, T>(ctx: C, work: (tx: C) => Promise<T>): Promise<T> {
    if (ctx.inTransaction) return work(ctx);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(async (manager) => {
          const tx = ctx.withTransaction(manager, new UnitOfWork());
          const result = await work(tx);
          const uow = tx.unitOfWork!;
          const outbox = uow.outbox.length ? this.outbox.statement(tx, uow.outbox) : undefined;
          if (uow.audit.length) await this.audit.append(tx, manager, uow.audit, outbox);
          else if (outbox) await manager.query(outbox.sql, outbox.params);
          return result;
        });
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (attempt < MAX_ATTEMPTS && code && RETRYABLE.has(code)) continue;
        throw err;
      }
    }
  }
}
